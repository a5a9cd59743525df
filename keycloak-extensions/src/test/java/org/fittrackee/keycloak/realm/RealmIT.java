package org.fittrackee.keycloak.realm;

import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.fittrackee.keycloak.testing.TestKeycloak;

/** The realm scenarios on the distribution, where the realm came in with --import-realm. */
class RealmIT extends RealmScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return TestKeycloak.shared();
    }
}
