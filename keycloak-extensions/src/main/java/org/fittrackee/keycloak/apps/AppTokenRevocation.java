package org.fittrackee.keycloak.apps;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.fittrackee.keycloak.revocation.Grant;
import org.fittrackee.keycloak.revocation.GrantRevocation;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.UserConsentManager;

/**
 * Ends every token of one app, for every user: FitTrackee's "revoke all".
 *
 * <p>Keycloak has no single call for it. The app's not-before time rejects its existing tokens at
 * refresh and introspection; ending its grant in each of its sessions, online and offline, makes
 * its refresh tokens fail even within the same second; revoking the consents of those sessions'
 * users makes their next authorization ask again.
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

        Map<String, UserModel> usersBySession = sessionsOf(app);
        GrantRevocation grants = new GrantRevocation(session);
        for (String userSessionId : usersBySession.keySet()) {
            grants.end(new Grant(realm, userSessionId, app));
        }

        Map<String, UserModel> usersById = new HashMap<>();
        usersBySession.values().forEach(user -> usersById.put(user.getId(), user));
        for (UserModel user : usersById.values()) {
            UserConsentManager.revokeConsentForClient(session, realm, user, app.getId());
        }
        return usersById.size();
    }

    /** The app's user sessions, online and offline (an offline one keeps its session's id). */
    private Map<String, UserModel> sessionsOf(ClientModel app) {
        Map<String, UserModel> usersBySession = new LinkedHashMap<>();
        try (Stream<UserSessionModel> online =
                session.sessions().getUserSessionsStream(realm, app)) {
            online.forEach(
                    userSession -> usersBySession.put(userSession.getId(), userSession.getUser()));
        }
        try (Stream<UserSessionModel> offline =
                session.sessions().getOfflineUserSessionsStream(realm, app, null, null)) {
            offline.forEach(
                    userSession -> usersBySession.put(userSession.getId(), userSession.getUser()));
        }
        return usersBySession;
    }
}
