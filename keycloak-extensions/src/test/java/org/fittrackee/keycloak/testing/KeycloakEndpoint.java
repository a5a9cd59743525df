package org.fittrackee.keycloak.testing;

/** A running Keycloak with our providers and the fittrackee realm, as the scenarios see it. */
public interface KeycloakEndpoint {

    String REALM = "fittrackee";

    /** The server's base URL, without a trailing slash, e.g. {@code http://localhost:8180}. */
    String baseUrl();

    String adminUsername();

    String adminPassword();

    default String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }
}
