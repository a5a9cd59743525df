package org.fittrackee.keycloak.testing;

import dasniko.testcontainers.keycloak.KeycloakContainer;

/**
 * The official Keycloak image with our provider classes and realm, for machines with Docker. The
 * scenarios run here too, so that what passes on the unpacked distribution also passes on the image
 * that docker-compose users run. One container serves every test class of a run.
 */
public final class KeycloakContainerEndpoint implements KeycloakEndpoint {

    private static KeycloakContainerEndpoint shared;

    private final KeycloakContainer container;

    private KeycloakContainerEndpoint(KeycloakContainer container) {
        this.container = container;
    }

    public static synchronized KeycloakContainerEndpoint shared() {
        if (shared == null) {
            String version = System.getProperty("keycloak.version", "26.7.3");
            KeycloakContainer container =
                    new KeycloakContainer("quay.io/keycloak/keycloak:" + version)
                            .withProviderClassesFrom("target/classes")
                            .withRealmImportFile("/fittrackee-realm.json")
                            .withCustomCommand(
                                    "--spi-client--jpa--searchable-attributes=fittrackee.owner");
            container.start();
            shared = new KeycloakContainerEndpoint(container);
        }
        return shared;
    }

    @Override
    public String baseUrl() {
        String url = container.getAuthServerUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String adminUsername() {
        return container.getAdminUsername();
    }

    @Override
    public String adminPassword() {
        return container.getAdminPassword();
    }
}
