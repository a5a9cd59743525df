package org.fittrackee.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fittrackee.keycloak.testing.AdminApi;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;

/**
 * The one-command stack, started the way the README says ({@code ./mvnw -Pstack package}, see
 * {@link StackCommand}) on free ports and with a data directory of its own under {@code
 * target/stack/}: it never meets a stack someone runs on 5000 and 8180, nor that stack's data. It
 * is ready when it prints its base URL, and stops when it gets Ctrl-C.
 */
final class ProductStack implements KeycloakEndpoint {

    /** The first start may build Keycloak and download what Maven has not yet. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final StackCommand command;
    private final Map<String, Integer> ports;
    private final String adminPassword;

    private ProductStack(StackCommand command, Map<String, Integer> ports, String adminPassword) {
        this.command = command;
        this.ports = ports;
        this.adminPassword = adminPassword;
    }

    /** Starts a stack whose data is in {@code target/stack/<name>}, emptied first. */
    static ProductStack start(String name, Map<String, String> settings)
            throws InterruptedException {
        return start(StackCommand.emptyDataDir(name), freePorts(), settings);
    }

    /** Starts a stack on the given data directory and ports, and waits for its base URL. */
    static ProductStack start(
            Path dataDir, Map<String, Integer> ports, Map<String, String> settings)
            throws InterruptedException {
        StackCommand command = StackCommand.launch(dataDir, environment(ports, settings));
        ProductStack stack =
                new ProductStack(
                        command,
                        ports,
                        settings.getOrDefault("FITTRACKEE_ADMIN_PASSWORD", "admin"));
        // A test JVM that is ended early must not leave the stack running.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::killWhatIsLeft, "e2e-stack-kill"));
        try {
            command.awaitLine(
                    line -> line.equals("FitTrackee is ready on " + stack.publicUrl()),
                    READY_TIMEOUT);
        } catch (AssertionError e) {
            stack.killWhatIsLeft();
            throw e;
        }
        return stack;
    }

    /** The settings of a stack on these ports, with the given ones added. */
    static Map<String, String> environment(Map<String, Integer> ports, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        ports.forEach((variable, port) -> environment.put(variable, String.valueOf(port)));
        return environment;
    }

    /** Presses Ctrl-C and waits for the command to end; what it left running, if anything. */
    Stopped stopLikeCtrlC() throws IOException, InterruptedException {
        command.pressCtrlC();
        int exitCode = command.awaitExit(STOP_TIMEOUT);
        return new Stopped(exitCode, command.processesLeft(), StackCommand.busy(ports.values()));
    }

    /** What a stop left: nothing, when every process ended and every port is free again. */
    record Stopped(int exitCode, List<ProcessHandle> processesLeft, List<Integer> busyPorts) {}

    /** The public base URL, the only address a third-party app and a browser are given. */
    String publicUrl() {
        return "http://localhost:" + ports.get("FITTRACKEE_PORT");
    }

    /** The issuer of the realm's tokens, as Keycloak names it behind the gateway. */
    String issuer() {
        return publicUrl() + "/realms/fittrackee";
    }

    Map<String, Integer> ports() {
        return ports;
    }

    StackCommand command() {
        return command;
    }

    AdminApi admin() {
        return new AdminApi(this);
    }

    /** Keycloak's own port, for the admin API only: apps and browsers use the base URL. */
    @Override
    public String baseUrl() {
        return "http://localhost:" + ports.get("FITTRACKEE_KEYCLOAK_PORT");
    }

    @Override
    public String adminUsername() {
        return "admin";
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    private void killWhatIsLeft() {
        try {
            command.killWhatIsLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Distinct free ports for the four variables: the sockets stay open until all are chosen. */
    static Map<String, Integer> freePorts() {
        List<String> variables =
                List.of(
                        "FITTRACKEE_PORT",
                        "FITTRACKEE_KEYCLOAK_PORT",
                        "FITTRACKEE_KEYCLOAK_MANAGEMENT_PORT",
                        "FITTRACKEE_API_PORT");
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String variable : variables) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.put(variable, socket.getLocalPort());
            }
            return ports;
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
}
