package org.fittrackee.keycloak.testing;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs Keycloak with our providers and the fittrackee realm until Ctrl-C, on H2 files kept in
 * {@code keycloak-extensions/target}: {@code ./mvnw -P run-keycloak -pl keycloak-extensions -am
 * package -DskipTests}.
 *
 * <p>NOTE: the realm is imported on the first start only (Keycloak skips an existing realm); {@code
 * ./mvnw clean} starts afresh. The stack issue replaces this runner with the whole stack.
 */
public final class KeycloakRunner {

    private KeycloakRunner() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("KEYCLOAK_PORT", "8180"));
        KeycloakSettings settings =
                new KeycloakSettings(
                        KeycloakSettings.requiredPath("keycloak.dist.dir"),
                        KeycloakSettings.requiredPath("keycloak.provider.jar"),
                        KeycloakSettings.requiredPath("keycloak.realm.file"),
                        new KeycloakDistribution.H2FileDatabase(),
                        port,
                        Map.of("FITTRACKEE_BASE_URL", "http://localhost:" + port),
                        message -> System.out.println("[fittrackee] " + message));

        KeycloakDistribution keycloak = KeycloakDistribution.create(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "keycloak-stop"));
        keycloak.start();

        Path log = keycloak.logFile();
        System.out.println("[fittrackee] Keycloak is ready: " + keycloak.realmUrl());
        System.out.println(
                "[fittrackee] Admin console: "
                        + keycloak.baseUrl()
                        + "/admin (admin / admin, for local use only)");
        System.out.println(
                "[fittrackee] Apps API: " + keycloak.realmUrl() + "/fittrackee/api/oauth/apps");
        System.out.println("[fittrackee] Log: " + log + "; Ctrl-C stops Keycloak.");
        keycloak.process().waitFor();
    }
}
