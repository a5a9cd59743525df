package org.fittrackee.keycloak.apps;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class AppsResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final AppsSettings settings;

    public AppsResourceProvider(KeycloakSession session, AppsSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public Object getResource() {
        return new AppsResource(session, settings);
    }

    @Override
    public void close() {}
}
