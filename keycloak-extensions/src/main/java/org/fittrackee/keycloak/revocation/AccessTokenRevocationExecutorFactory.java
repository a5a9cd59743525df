package org.fittrackee.keycloak.revocation;

import java.util.List;
import org.fittrackee.keycloak.provider.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** The client-policy executor {@value #PROVIDER_ID}; the realm JSON binds it to FitTrackee apps. */
public class AccessTokenRevocationExecutorFactory
        implements ClientPolicyExecutorProviderFactory,
                StatelessProviderFactory<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "fittrackee-access-token-revocation";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new AccessTokenRevocationExecutor(session, new GrantRevocation(session));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Ends the grant of an access token that an app revokes, so that its refresh token"
                + " stops working too, as FitTrackee ends both tokens of the pair.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
