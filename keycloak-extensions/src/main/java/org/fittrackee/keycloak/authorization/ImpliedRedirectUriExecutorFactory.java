package org.fittrackee.keycloak.authorization;

import java.util.List;
import org.fittrackee.keycloak.provider.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** The client-policy executor {@value #PROVIDER_ID}; the realm JSON binds it to FitTrackee apps. */
public class ImpliedRedirectUriExecutorFactory
        implements ClientPolicyExecutorProviderFactory,
                StatelessProviderFactory<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "fittrackee-implied-redirect-uri";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new ImpliedRedirectUriExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Lets an app whose authorization request sent no redirect_uri, and was given its"
                + " first registered URI by /profile/apps/authorize, exchange the code without"
                + " redirect_uri, as FitTrackee does.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
