package org.fittrackee.keycloak.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the distribution, our jar and the realm are (Maven passes them as system properties), and
 * how to run the server.
 */
public record KeycloakSettings(
        Path distDir,
        Path providerJar,
        Path realmFile,
        KeycloakDistribution.Database database,
        int httpPort,
        Map<String, String> environment,
        Consumer<String> progress) {

    static final String TEST_DATABASE = "fittrackee_keycloak_it";

    public static KeycloakSettings forTests() {
        String postgresUrl =
                System.getProperty(
                        "keycloak.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
        KeycloakDistribution.Database database =
                new KeycloakDistribution.FreshPostgresDatabase(
                        postgresUrl, TEST_DATABASE, "postgres");
        return new KeycloakSettings(
                requiredPath("keycloak.dist.dir"),
                requiredPath("keycloak.provider.jar"),
                requiredPath("keycloak.realm.file"),
                database,
                0,
                Map.of(),
                message -> {});
    }

    static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "System property "
                            + property
                            + " is not set: run the tests through Maven"
                            + " (./mvnw verify), which unpacks Keycloak and passes it");
        }

        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points to a missing " + path);
        }
        return path;
    }
}
