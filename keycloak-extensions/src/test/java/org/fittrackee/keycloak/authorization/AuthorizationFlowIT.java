package org.fittrackee.keycloak.authorization;

import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.fittrackee.keycloak.testing.TestKeycloak;

/** The authorization-flow scenarios on the Keycloak distribution unpacked from Maven Central. */
class AuthorizationFlowIT extends AuthorizationFlowScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return TestKeycloak.shared();
    }
}
