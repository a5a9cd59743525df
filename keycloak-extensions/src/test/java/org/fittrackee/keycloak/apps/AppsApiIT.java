package org.fittrackee.keycloak.apps;

import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.fittrackee.keycloak.testing.TestKeycloak;

/** The apps API scenarios on the Keycloak distribution unpacked from Maven Central. */
class AppsApiIT extends AppsApiScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return TestKeycloak.shared();
    }
}
