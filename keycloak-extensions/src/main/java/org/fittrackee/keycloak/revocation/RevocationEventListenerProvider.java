package org.fittrackee.keycloak.revocation;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;

/**
 * Makes the revocation of an access token (RFC 7009) end its grant, as FitTrackee ends both tokens
 * of the pair: Keycloak itself only records the access token's id, and its refresh token would keep
 * working.
 *
 * <p>Keycloak's revocation event of an access token names the token's id but not its session, so
 * the listener reads the revoked token from the request it is called in. It runs within that
 * request's transaction: the grant ends when the revocation does.
 */
public class RevocationEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(RevocationEventListenerProvider.class);

    private final KeycloakSession session;

    public RevocationEventListenerProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.REVOKE_GRANT || !isAccessTokenRevocation(event)) {
            return;
        }

        RealmModel realm = session.getContext().getRealm();
        if (realm == null || !realm.getId().equals(event.getRealmId())) {
            return;
        }
        ClientModel client = realm.getClientByClientId(event.getClientId());
        AccessToken token =
                revokedAccessToken(event.getDetails().get(Details.TOKEN_ID)).orElse(null);
        if (client == null || token == null || token.getSessionId() == null) {
            LOG.debugf("Access token of client %s revoked; no grant to end", event.getClientId());
            return;
        }

        new GrantRevocation(session).end(new Grant(realm, token.getSessionId(), client));
    }

    /** A refresh token's revocation ends its grant already, and says so in its details. */
    private static boolean isAccessTokenRevocation(Event event) {
        Map<String, String> details = event.getDetails();
        return details != null
                && details.get(Details.TOKEN_ID) != null
                && !details.containsKey(Details.REFRESH_TOKEN_ID);
    }

    /** The token of the revocation request, when it is the one the event names. */
    private Optional<AccessToken> revokedAccessToken(String tokenId) {
        HttpRequest request = session.getContext().getHttpRequest();
        MultivaluedMap<String, String> form =
                request == null ? null : request.getDecodedFormParameters();
        String encoded = form == null ? null : form.getFirst(OAuth2Constants.TOKEN);
        if (encoded == null) {
            return Optional.empty();
        }

        AccessToken token = session.tokens().decode(encoded, AccessToken.class);
        return token != null && tokenId.equals(token.getId())
                ? Optional.of(token)
                : Optional.empty();
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {}

    @Override
    public void close() {}
}
