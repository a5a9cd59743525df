package org.fittrackee.keycloak.realm;

import org.fittrackee.keycloak.testing.KeycloakDistribution;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;

/** The realm scenarios on the distribution, where the realm came in with --import-realm. */
class RealmIT extends RealmScenarios {

    @Override
    protected KeycloakEndpoint keycloak() {
        return KeycloakDistribution.shared();
    }
}
