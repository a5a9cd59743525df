package org.fittrackee.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fittrackee.keycloak.testing.AdminApi;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.fittrackee.stack.StackLauncher;
import org.fittrackee.stack.StackSettings;

/**
 * The one-command stack, started by {@link StackLauncher} as {@code ./mvnw -Pstack package} starts
 * it, but on free ports and with a data directory of its own: it never meets a stack someone runs
 * on 5000 and 8180, nor that stack's data.
 */
final class ProductStack implements KeycloakEndpoint {

    private final StackLauncher launcher;
    private final StackSettings settings;

    private ProductStack(StackLauncher launcher, StackSettings settings) {
        this.launcher = launcher;
        this.settings = settings;
    }

    static ProductStack start() {
        List<Integer> ports = freePorts(4);
        Map<String, String> environment =
                Map.of(
                        "FITTRACKEE_PORT", String.valueOf(ports.get(0)),
                        "FITTRACKEE_KEYCLOAK_PORT", String.valueOf(ports.get(1)),
                        "FITTRACKEE_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(ports.get(2)),
                        "FITTRACKEE_API_PORT", String.valueOf(ports.get(3)),
                        "FITTRACKEE_DATA_DIR", emptyDataDir().toString());
        Path projectDir = Path.of(requiredProperty("fittrackee.project.dir"));
        StackSettings settings = StackSettings.from(environment, projectDir);

        StackLauncher launcher = new StackLauncher(settings);
        // A test JVM that is ended early must not leave Keycloak and the two servers running.
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "e2e-stack-stop"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            launcher.stop();
            throw e;
        }
        return new ProductStack(launcher, settings);
    }

    void stop() {
        launcher.stop();
    }

    /** The public base URL, the only address a third-party app and a browser are given. */
    String publicUrl() {
        return settings.baseUrl();
    }

    /** The issuer of the realm's tokens, as Keycloak names it behind the gateway. */
    String issuer() {
        return settings.issuerUrl();
    }

    AdminApi admin() {
        return new AdminApi(this);
    }

    /** Keycloak's own port, for the admin API only: apps and browsers use the base URL. */
    @Override
    public String baseUrl() {
        return "http://localhost:" + settings.keycloakPort();
    }

    @Override
    public String adminUsername() {
        return "admin";
    }

    @Override
    public String adminPassword() {
        return settings.adminPassword();
    }

    /**
     * The directory the stack keeps PostgreSQL's data and the servers' logs in, emptied first. It
     * is under {@code target/} rather than deleted after the run, so that the logs are there to
     * read when a test fails.
     */
    private static Path emptyDataDir() {
        Path dataDir = Path.of(requiredProperty("e2e.stack.dir")).toAbsolutePath();
        try {
            if (Files.exists(dataDir)) {
                try (Stream<Path> paths = Files.walk(dataDir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct free ports: the sockets stay open until all are chosen. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // The port is free again either way once the JVM lets go of it.
                }
            }
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(
                    "System property "
                            + name
                            + " is missing: run the end-to-end tests through Maven (./mvnw"
                            + " verify), which passes it");
        }
        return value;
    }
}
