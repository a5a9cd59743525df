package org.fittrackee.keycloak.authorization;

import org.fittrackee.keycloak.testing.KeycloakContainerEndpoint;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The authorization-flow scenarios on the official Keycloak image; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class AuthorizationFlowContainerIT extends AuthorizationFlowScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return KeycloakContainerEndpoint.shared();
    }
}
