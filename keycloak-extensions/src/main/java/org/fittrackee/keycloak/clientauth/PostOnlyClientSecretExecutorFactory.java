package org.fittrackee.keycloak.clientauth;

import java.util.List;
import org.fittrackee.keycloak.provider.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** The client-policy executor {@value #PROVIDER_ID}; the realm JSON binds it to FitTrackee apps. */
public class PostOnlyClientSecretExecutorFactory
        implements ClientPolicyExecutorProviderFactory,
                StatelessProviderFactory<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "fittrackee-client-secret-post";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new PostOnlyClientSecretExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses HTTP Basic client authentication at the token and revocation endpoints"
                + " when the realm attribute "
                + PostOnlyClientSecretExecutor.POST_ONLY
                + " is true (FitTrackee's client_secret_post only).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
