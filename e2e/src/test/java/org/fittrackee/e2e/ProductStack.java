package org.fittrackee.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fittrackee.keycloak.testing.AdminApi;
import org.fittrackee.keycloak.testing.KeycloakEndpoint;
import org.fittrackee.stack.FreePorts;

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

    /**
     * Starts before one that finds a port taken: the ports are chosen free, but the nested build
     * takes a minute or more before the stack checks them, and another program may take one.
     */
    private static final int ATTEMPTS = 3;

    private static final Pattern PORT_IN_USE =
            Pattern.compile("\\[fittrackee] error: Port \\d+ is in use: .*");

    private final StackCommand command;
    private final Map<String, Integer> ports;
    private final String adminPassword;
    private final Thread killer = new Thread(this::killWhatIsLeft, "e2e-stack-kill");

    private ProductStack(StackCommand command, Map<String, Integer> ports, String adminPassword) {
        this.command = command;
        this.ports = ports;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts a stack whose data is in {@code target/stack/<name>}, emptied first, on free ports;
     * again on other free ports when one was taken meanwhile.
     */
    static ProductStack start(String name, Map<String, String> settings)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(StackCommand.emptyDataDir(name), settings);
            } catch (PortTakenMeanwhile e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static ProductStack start(Path dataDir, Map<String, String> settings)
            throws IOException, InterruptedException {
        Map<String, Integer> ports = FreePorts.forEveryPortVariable();
        StackCommand command = StackCommand.launch(dataDir, environment(ports, settings));
        ProductStack stack =
                new ProductStack(
                        command,
                        ports,
                        settings.getOrDefault("FITTRACKEE_ADMIN_PASSWORD", "admin"));
        // A test JVM that is ended early must not leave the stack running.
        Runtime.getRuntime().addShutdownHook(stack.killer);
        try {
            command.awaitLine(
                    line -> line.equals("FitTrackee is ready on " + stack.publicUrl()),
                    READY_TIMEOUT);
        } catch (AssertionError e) {
            stack.killWhatIsLeft();
            if (command.output().stream().anyMatch(line -> PORT_IN_USE.matcher(line).matches())) {
                throw new PortTakenMeanwhile(e);
            }
            throw e;
        }
        command.assertClassPathUnchanged();
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
        if (command.endedWithNothingLeft()) {
            // Nothing of the stack to kill any more, and its numbers may go to other processes.
            Runtime.getRuntime().removeShutdownHook(killer);
        }
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
        }
    }

    /** A start that found one of its free ports taken by another program meanwhile. */
    private static final class PortTakenMeanwhile extends AssertionError {

        PortTakenMeanwhile(AssertionError cause) {
            super(cause.getMessage(), cause);
        }
    }
}
