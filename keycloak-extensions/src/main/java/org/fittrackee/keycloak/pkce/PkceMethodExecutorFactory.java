package org.fittrackee.keycloak.pkce;

import java.util.List;
import org.fittrackee.keycloak.provider.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** The client-policy executor {@value #PROVIDER_ID}; the realm JSON binds it to FitTrackee apps. */
public class PkceMethodExecutorFactory
        implements ClientPolicyExecutorProviderFactory,
                StatelessProviderFactory<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "fittrackee-pkce-method";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new PkceMethodExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses the PKCE method 'plain' (and a challenge without a method) unless the"
                + " realm attribute "
                + PkcePolicy.ALLOW_PLAIN
                + " is true, and requires PKCE when "
                + PkcePolicy.REQUIRED
                + " is true.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
