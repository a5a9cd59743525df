package org.fittrackee.keycloak.revocation;

import org.fittrackee.keycloak.provider.StatelessProviderFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The event listener {@value #PROVIDER_ID}, listed in the realm's {@code eventsListeners}. */
public class RevocationEventListenerProviderFactory
        implements EventListenerProviderFactory, StatelessProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "fittrackee-revocation";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RevocationEventListenerProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
