package org.fittrackee.keycloak.revocation;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Ends a {@link Grant} as Keycloak ends one when its refresh token is revoked: the client leaves
 * the offline session and the online one, and an online session left without clients ends. The
 * grant's refresh token then fails, and its access tokens fail introspection.
 *
 * <p>Every grant our code ends passes here: an app's revocation of an access token, and revoke-all,
 * once per session of the app. Whatever must follow the end of a grant (telling the resource
 * server, D11) belongs here. Grants that Keycloak ends itself (a revoked refresh token, a replayed
 * one, a logout, a deleted app or user) do not pass here.
 */
public final class GrantRevocation {

    private static final Logger LOG = Logger.getLogger(GrantRevocation.class);

    private final KeycloakSession session;

    public GrantRevocation(KeycloakSession session) {
        this.session = session;
    }

    /** Ends the grant; false when nothing of it was left. */
    public boolean end(Grant grant) {
        boolean offline = endOffline(grant);
        boolean online = endOnline(grant);

        boolean ended = offline || online;
        if (ended) {
            LOG.debugf(
                    "Grant of client %s in user session %s ended",
                    grant.client().getClientId(), grant.userSessionId());
        }
        return ended;
    }

    private boolean endOffline(Grant grant) {
        UserSessionModel offlineSession =
                session.sessions().getOfflineUserSession(grant.realm(), grant.userSessionId());
        if (offlineSession == null) {
            return false;
        }
        return new UserSessionManager(session)
                .removeClientFromOfflineUserSession(
                        grant.realm(), offlineSession, grant.client(), offlineSession.getUser());
    }

    private boolean endOnline(Grant grant) {
        UserSessionModel userSession =
                session.sessions().getUserSession(grant.realm(), grant.userSessionId());
        if (userSession == null) {
            return false;
        }
        AuthenticatedClientSessionModel clientSession =
                userSession.getAuthenticatedClientSessionByClient(grant.client().getId());
        if (clientSession == null) {
            return false;
        }

        TokenManager.detachClientSession(clientSession);
        if (userSession.getAuthenticatedClientSessions().isEmpty()) {
            session.sessions().removeUserSession(grant.realm(), userSession);
        }
        return true;
    }
}
