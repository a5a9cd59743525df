package org.fittrackee.keycloak.revocation;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** The event listener {@value #PROVIDER_ID}, listed in the realm's {@code eventsListeners}. */
public class RevocationEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "fittrackee-revocation";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RevocationEventListenerProvider(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
