package org.fittrackee.keycloak.apps;

import org.fittrackee.keycloak.testing.KeycloakDistribution;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;

/** The apps API scenarios on the Keycloak distribution unpacked from Maven Central. */
class AppsApiIT extends AppsApiScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return KeycloakDistribution.shared();
    }
}
