package org.fittrackee.keycloak.clientauth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * FitTrackee's client authentication, {@code client_secret_post} only, when the realm asks for it
 * with the attribute {@value #POST_ONLY}: a FitTrackee app that sends its secret with HTTP Basic
 * gets FitTrackee's 400 {@code invalid_client} (reference D12). By default Basic is accepted too,
 * which breaks no FitTrackee app and suits OAuth libraries.
 *
 * <p>The code exchange is checked before Keycloak reads the code, so a refused request leaves the
 * code usable; refresh and revocation are checked before the token is used.
 */
public class PostOnlyClientSecretExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    public static final String POST_ONLY = "fittrackee.client_secret.post_only";

    static final String REFUSED =
            "HTTP Basic client authentication is not allowed: send client_id and client_secret"
                    + " in the request body";

    private static final Set<ClientPolicyEvent> CHECKED =
            EnumSet.of(
                    ClientPolicyEvent.PRE_TOKEN_REQUEST,
                    ClientPolicyEvent.TOKEN_REFRESH,
                    ClientPolicyEvent.TOKEN_REVOKE);

    private final KeycloakSession session;

    public PostOnlyClientSecretExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return PostOnlyClientSecretExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (!CHECKED.contains(context.getEvent()) || !isPostOnly(session.getContext().getRealm())) {
            return;
        }
        if (usesBasicAuthentication()) {
            throw new ClientPolicyException(
                    OAuthErrorException.INVALID_CLIENT, REFUSED, Response.Status.BAD_REQUEST);
        }
    }

    static boolean isPostOnly(RealmModel realm) {
        return Boolean.parseBoolean(realm.getAttribute(POST_ONLY));
    }

    private boolean usesBasicAuthentication() {
        String authorization =
                session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
