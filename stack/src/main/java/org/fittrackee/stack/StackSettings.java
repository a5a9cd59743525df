package org.fittrackee.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the one-command stack runs with, from the environment: ports, an optional external
 * PostgreSQL for the resource server, the admin password, and where data and logs are kept. Every
 * wrong value is reported as one clear {@link StackException}.
 */
public record StackSettings(
        int publicPort,
        int keycloakPort,
        int keycloakManagementPort,
        int apiPort,
        String databaseUrl,
        String databaseUsername,
        String databasePassword,
        String adminPassword,
        Path dataDir,
        Path keycloakDistDir,
        Path providerJar,
        Path realmFile,
        Path apiJar,
        Path gatewayJar) {

    public static StackSettings from(Map<String, String> env, Path projectDir) {
        return new StackSettings(
                port(env, "FITTRACKEE_PORT", 5000),
                port(env, "FITTRACKEE_KEYCLOAK_PORT", 8180),
                port(env, "FITTRACKEE_KEYCLOAK_MANAGEMENT_PORT", 9180),
                port(env, "FITTRACKEE_API_PORT", 5001),
                blankToNull(env.get("FITTRACKEE_DATABASE_URL")),
                env.getOrDefault("FITTRACKEE_DATABASE_USERNAME", "postgres"),
                env.getOrDefault("FITTRACKEE_DATABASE_PASSWORD", "postgres"),
                env.getOrDefault("FITTRACKEE_ADMIN_PASSWORD", "admin"),
                Path.of(
                        env.getOrDefault(
                                "FITTRACKEE_DATA_DIR",
                                projectDir.resolve(".fittrackee").toString())),
                built(projectDir, "keycloak.dist.dir"),
                built(projectDir, "keycloak.provider.jar"),
                built(projectDir, "keycloak.realm.file"),
                built(projectDir, "fittrackee.api.jar"),
                built(projectDir, "fittrackee.gateway.jar"));
    }

    public String baseUrl() {
        return "http://localhost:" + publicPort;
    }

    public String issuerUrl() {
        return baseUrl() + "/realms/fittrackee";
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StackException(
                name + "=" + value + " is not a port number: use a number from 1 to 65535");
    }

    private static Path built(Path projectDir, String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new StackException(
                    "System property "
                            + property
                            + " is missing: start the stack with"
                            + " ./mvnw -Pstack package");
        }
        Path path = projectDir.resolve(value);
        if (!Files.exists(path)) {
            throw new StackException(path + " is missing: build it with ./mvnw -Pstack package");
        }
        return path;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
