package org.fittrackee.keycloak.realm;

import org.fittrackee.keycloak.testing.KeycloakContainerEndpoint;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The realm scenarios on the official Keycloak image; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class RealmContainerIT extends RealmScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return KeycloakContainerEndpoint.shared();
    }
}
