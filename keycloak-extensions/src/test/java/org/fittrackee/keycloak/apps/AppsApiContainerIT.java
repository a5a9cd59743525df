package org.fittrackee.keycloak.apps;

import org.fittrackee.keycloak.testing.KeycloakContainerEndpoint;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The apps API scenarios on the official Keycloak image; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class AppsApiContainerIT extends AppsApiScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return KeycloakContainerEndpoint.shared();
    }
}
