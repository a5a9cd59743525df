package org.fittrackee.keycloak.apps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.managers.UserConsentManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Ends every token of one app, for every user: FitTrackee's "revoke all".
 *
 * <p>Keycloak has no single call for it. The app's not-before time rejects its existing tokens at
 * refresh and introspection; ending its client sessions, online and offline, makes its refresh
 * tokens fail even within the same second; revoking the consents of those sessions' users makes
 * their next authorization ask again.
 *
 * <p>NOTE: a user who consented but has no session left keeps the consent, because Keycloak lists
 * consents per user, not per client. Such a user is asked nothing on the next authorization of this
 * app; deleting the app removes every consent.
 */
public final class AppTokenRevocation {

    private final KeycloakSession session;
    private final RealmModel realm;

    public AppTokenRevocation(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** Revokes everything and returns how many users had tokens of the app. */
    public int revokeAll(ClientModel app) {
        app.setNotBefore(Time.currentTime());

        Map<String, UserModel> usersById = new HashMap<>();
        endOnlineSessions(app).forEach(user -> usersById.put(user.getId(), user));
        endOfflineSessions(app).forEach(user -> usersById.put(user.getId(), user));
        for (UserModel user : usersById.values()) {
            UserConsentManager.revokeConsentForClient(session, realm, user, app.getId());
        }
        return usersById.size();
    }

    private List<UserModel> endOnlineSessions(ClientModel app) {
        List<UserSessionModel> userSessions =
                session.sessions().getUserSessionsStream(realm, app).toList();

        List<UserModel> users = new ArrayList<>();
        for (UserSessionModel userSession : userSessions) {
            AuthenticatedClientSessionModel clientSession =
                    userSession.getAuthenticatedClientSessionByClient(app.getId());
            if (clientSession != null) {
                TokenManager.detachClientSession(clientSession);
            }
            users.add(userSession.getUser());
        }
        return users;
    }

    private List<UserModel> endOfflineSessions(ClientModel app) {
        List<UserSessionModel> offlineSessions =
                session.sessions().getOfflineUserSessionsStream(realm, app, null, null).toList();

        UserSessionManager userSessions = new UserSessionManager(session);
        List<UserModel> users = new ArrayList<>();
        for (UserSessionModel offlineSession : offlineSessions) {
            UserModel user = offlineSession.getUser();
            userSessions.removeClientFromOfflineUserSession(realm, offlineSession, app, user);
            users.add(user);
        }
        return users;
    }
}
