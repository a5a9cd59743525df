package org.fittrackee.keycloak.apps;

import jakarta.ws.rs.NotAuthorizedException;
import java.util.Set;
import org.fittrackee.keycloak.http.FittrackeeErrors;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The user behind a first-party token: a token Keycloak accepts (signature, issuer, expiry, active
 * session, enabled user) whose authorized party is one of the first-party clients. Anything else,
 * third-party tokens included, gets FitTrackee's 401 as upstream does.
 */
public record FirstPartyCaller(UserModel user, RealmModel realm) {

    public static final String SUSPENDED_ROLE = "suspended";
    public static final String ADMIN_ROLE = "admin";
    public static final String OWNER_ROLE = "owner";

    private static final Logger LOG = Logger.getLogger(FirstPartyCaller.class);

    public static FirstPartyCaller authenticate(
            KeycloakSession session, Set<String> firstPartyClientIds) {
        AuthResult auth = bearerAuthentication(session);
        if (auth == null) {
            throw FittrackeeErrors.unauthorized();
        }

        String authorizedParty = auth.client().getClientId();
        if (!firstPartyClientIds.contains(authorizedParty)) {
            LOG.debugf("Apps API refused a token of client %s: not first-party", authorizedParty);
            throw FittrackeeErrors.unauthorized();
        }
        return new FirstPartyCaller(auth.user(), session.getContext().getRealm());
    }

    private static AuthResult bearerAuthentication(KeycloakSession session) {
        try {
            return new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (NotAuthorizedException e) {
            return null;
        }
    }

    public boolean isSuspended() {
        return hasRealmRole(SUSPENDED_ROLE);
    }

    public boolean isAdmin() {
        return hasRealmRole(ADMIN_ROLE) || hasRealmRole(OWNER_ROLE);
    }

    private boolean hasRealmRole(String name) {
        RoleModel role = realm.getRole(name);
        return role != null && user.hasRole(role);
    }
}
