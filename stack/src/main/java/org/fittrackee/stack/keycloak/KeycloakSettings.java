package org.fittrackee.stack.keycloak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How to run the Keycloak distribution: where it, our provider jar and the realm are, where it
 * keeps its data, its ports, and the URL browsers and tokens know it by.
 *
 * @param httpPort the HTTP port, or 0 for a free one
 * @param managementPort the health port, or 0 for a free one
 * @param publicUrl the URL in tokens' {@code iss} (Keycloak's {@code --hostname}), or null for
 *     Keycloak's own URL
 * @param environment extra environment of the server, e.g. values for the realm's placeholders and
 *     {@code KC_BOOTSTRAP_ADMIN_PASSWORD}
 * @param progress where to report the slow steps, for a person waiting
 * @param logDir where the build's and the server's output goes, or null for beside the distribution
 */
public record KeycloakSettings(
        Path distDir,
        Path providerJar,
        Path realmFile,
        KeycloakDatabase database,
        int httpPort,
        int managementPort,
        String publicUrl,
        Map<String, String> environment,
        Consumer<String> progress,
        Path logDir) {

    /** The server listens on this machine only, whatever it is used for. */
    public static final String LISTEN_ADDRESS = "127.0.0.1";

    /**
     * One node, whose caches stay in its memory. Keycloak's default cache, a cluster (Infinispan
     * over JGroups), listens for other nodes on the machine's network addresses; these servers must
     * listen on the loopback interface only. A start option since Keycloak 26: the build ignores
     * it.
     */
    static final String SINGLE_NODE = "--cache=local";

    /** Settings whose output goes beside the distribution, as the integration tests' does. */
    public KeycloakSettings(
            Path distDir,
            Path providerJar,
            Path realmFile,
            KeycloakDatabase database,
            int httpPort,
            int managementPort,
            String publicUrl,
            Map<String, String> environment,
            Consumer<String> progress) {
        this(
                distDir,
                providerJar,
                realmFile,
                database,
                httpPort,
                managementPort,
                publicUrl,
                environment,
                progress,
                null);
    }

    /** The paths Maven passes to the tests and to the launcher as system properties. */
    public static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "System property "
                            + property
                            + " is not set: run through Maven (./mvnw), which unpacks Keycloak"
                            + " and passes it");
        }

        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(
                    property + " points to a missing " + path + ": run ./mvnw package first");
        }
        return path;
    }

    /** Options of {@code kc.sh build}, fixed until the next build. */
    List<String> buildOptions() {
        List<String> options = new ArrayList<>(database.buildOptions());
        options.add("--health-enabled=true");
        return options;
    }

    /** Options the server starts with besides ports, hostname and database. */
    List<String> commonStartOptions() {
        return List.of(
                SINGLE_NODE,
                "--http-host=" + LISTEN_ADDRESS,
                "--http-management-host=" + LISTEN_ADDRESS,
                "--http-enabled=true",
                "--import-realm",
                "--spi-client--jpa--searchable-attributes=fittrackee.owner",
                "--log-level=INFO,org.fittrackee:debug");
    }
}
