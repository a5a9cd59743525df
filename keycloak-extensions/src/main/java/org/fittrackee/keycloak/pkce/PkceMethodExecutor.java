package org.fittrackee.keycloak.pkce;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Applies the realm's {@link PkcePolicy} to every authorization request of the clients its policy
 * selects, including requests sent straight to Keycloak's own authorization endpoint. A refused
 * request goes back to the app as {@code invalid_request}.
 */
public class PkceMethodExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    public PkceMethodExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return PkceMethodExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            return;
        }

        AuthorizationEndpointRequest request =
                ((AuthorizationRequestContext) context).getAuthorizationEndpointRequest();
        PkcePolicy policy = PkcePolicy.of(session.getContext().getRealm());
        String problem =
                policy.problemWith(request.getCodeChallenge(), request.getCodeChallengeMethod())
                        .orElse(null);
        if (problem != null) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, problem);
        }
    }
}
