package org.fittrackee.keycloak.authorization;

import org.fittrackee.keycloak.testing.KeycloakDistribution;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;

/** The authorization-flow scenarios on the Keycloak distribution unpacked from Maven Central. */
class AuthorizationFlowIT extends AuthorizationFlowScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return KeycloakDistribution.shared();
    }
}
