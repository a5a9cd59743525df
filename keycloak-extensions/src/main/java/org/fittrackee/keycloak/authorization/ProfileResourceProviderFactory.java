package org.fittrackee.keycloak.authorization;

import org.fittrackee.keycloak.provider.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves FitTrackee's front-end path {@code /profile/apps/authorize} under the realm. */
public class ProfileResourceProviderFactory
        implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "profile";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new AuthorizeResource(session);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
