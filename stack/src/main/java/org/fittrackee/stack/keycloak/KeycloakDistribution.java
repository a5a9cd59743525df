package org.fittrackee.stack.keycloak;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fittrackee.stack.ProcessTree;

/**
 * The Keycloak distribution unpacked by Maven into {@code target/}, with our provider jar and the
 * realm JSON: built once (again only when the jar or the build options change), started on free
 * ports of the loopback interface, and stopped with the JVM. One server is shared by every test
 * class of a run; the one-command stack runs another.
 *
 * <p>{@link #stop()} may come from another thread at any moment of {@link #start()} (Ctrl-C while
 * the stack starts): it ends the build or the server that is running, and no process is started
 * after it.
 */
public final class KeycloakDistribution {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String REALM = "fittrackee";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final String BUILD_MARKER = ".fittrackee-build";

    private final KeycloakSettings settings;
    private final int httpPort;
    private final int managementPort;
    private final Object processes = new Object();
    private boolean stopped;
    private Process build;
    private Process process;

    private KeycloakDistribution(KeycloakSettings settings, int httpPort, int managementPort) {
        this.settings = settings;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    public static KeycloakDistribution create(KeycloakSettings settings) {
        int httpPort = settings.httpPort() == 0 ? freePort() : settings.httpPort();
        int managementPort =
                settings.managementPort() == 0 ? freePort() : settings.managementPort();
        return new KeycloakDistribution(settings, httpPort, managementPort);
    }

    /** Keycloak's own URL, e.g. {@code http://localhost:8180}. */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The URL tokens and browsers know Keycloak by: the public URL when there is one. */
    public String publicUrl() {
        return settings.publicUrl() == null ? baseUrl() : settings.publicUrl();
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String adminUsername() {
        return ADMIN_USERNAME;
    }

    /** The bootstrap admin's password: the one the environment gives Keycloak, else the default. */
    public String adminPassword() {
        return settings.environment().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    public Path logFile() {
        if (settings.logDir() != null) {
            return settings.logDir().resolve("keycloak.log");
        }
        return settings.distDir().resolveSibling("keycloak-" + settings.database().name() + ".log");
    }

    /**
     * Builds when needed, starts the server and waits until it is ready; every failure, an
     * unreadable file or a missing script included, is an {@link IllegalStateException} whose
     * message says what went wrong.
     */
    public void start() {
        try {
            Files.createDirectories(logFile().getParent());
            installRealm();
            buildIfChanged();
            settings.database().prepare();
            launch();
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Keycloak", e);
        }
    }

    /** Ends the build or the server, whichever runs, with their child processes. */
    public void stop() {
        Process running;
        Process building;
        synchronized (processes) {
            stopped = true;
            running = process;
            building = build;
        }
        end(building);
        end(running);
    }

    /**
     * Imports the realm file with {@code kc.sh import} into another database, as an admin does with
     * the server stopped; returns the command's output.
     */
    public String importRealmWithCli(KeycloakDatabase database)
            throws IOException, InterruptedException {
        database.prepare();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                kcScript(),
                                "import",
                                "--optimized",
                                KeycloakSettings.SINGLE_NODE,
                                "--file=" + settings.realmFile()));
        command.addAll(database.runtimeOptions());

        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(settings.distDir().toFile())
                        .redirectErrorStream(true);
        builder.environment().putAll(database.environment());
        Process kcImport = builder.start();
        String output =
                new String(kcImport.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kcImport.waitFor() != 0) {
            throw new IllegalStateException("kc.sh import failed:\n" + output);
        }
        return output;
    }

    public Process process() {
        return process;
    }

    /** Starts a process unless {@link #stop()} came first, so that none outlives a stop. */
    private Process startUnlessStopped(ProcessBuilder builder, boolean isBuild) throws IOException {
        synchronized (processes) {
            if (stopped) {
                throw new IllegalStateException("Keycloak was stopped while it started");
            }
            Process started = builder.start();
            if (isBuild) {
                build = started;
            } else {
                process = started;
            }
            return started;
        }
    }

    private static void end(Process running) {
        if (running != null && running.isAlive()) {
            ProcessTree.of(running).end(Duration.ofSeconds(20));
        }
    }

    /**
     * Whether Keycloak is stopping: {@link #stop()} was called, or the build or the server was
     * ended by a stop signal, as when Ctrl-C reaches them before it reaches whoever calls stop.
     */
    public boolean isStopped() {
        synchronized (processes) {
            return stopped;
        }
    }

    /** Whether a process that ended with this exit code was stopped, and then stops the rest. */
    private boolean endedByStop(int exitCode) {
        synchronized (processes) {
            stopped |= ProcessTree.endedByStopSignal(exitCode);
            return stopped;
        }
    }

    private void installRealm() throws IOException {
        Path imports = Files.createDirectories(settings.distDir().resolve("data/import"));
        Files.copy(
                settings.realmFile(),
                imports.resolve("fittrackee-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void buildIfChanged() throws IOException, InterruptedException {
        List<String> buildOptions = settings.buildOptions();
        String fingerprint = sha256(Files.readAllBytes(settings.providerJar())) + buildOptions;
        Path marker = settings.distDir().resolve(BUILD_MARKER);
        if (Files.exists(marker) && Files.readString(marker).equals(fingerprint)) {
            return;
        }

        // Keycloak refuses an optimized start once a provider jar is newer than the build, so
        // the jar is copied only together with a build.
        Path providers = Files.createDirectories(settings.distDir().resolve("providers"));
        Files.copy(
                settings.providerJar(),
                providers.resolve("fittrackee-keycloak-extensions.jar"),
                StandardCopyOption.REPLACE_EXISTING);

        List<String> command = new ArrayList<>(List.of(kcScript(), "build"));
        command.addAll(buildOptions);
        settings.progress().accept("Building Keycloak with our providers (about 40 s)");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(settings.distDir().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(logFile().toFile());
        int exitCode = startUnlessStopped(builder, true).waitFor();
        if (endedByStop(exitCode)) {
            throw new IllegalStateException("Keycloak was stopped during its build");
        }
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "kc.sh build failed (exit code " + exitCode + ")\n" + tail());
        }
        Files.writeString(marker, fingerprint);
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(kcScript(), "start", "--optimized"));
        command.addAll(settings.commonStartOptions());
        command.addAll(
                List.of(
                        "--http-port=" + httpPort,
                        "--http-management-port=" + managementPort,
                        "--hostname=" + publicUrl()));
        if (settings.publicUrl() != null) {
            command.add("--proxy-headers=xforwarded");
        }
        command.addAll(settings.database().runtimeOptions());

        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(settings.distDir().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.putAll(settings.database().environment());
        environment.putAll(settings.environment());
        settings.progress().accept("Starting Keycloak on " + baseUrl() + " (about 20 s)");
        startUnlessStopped(builder, false);
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready =
                URI.create(
                        "http://"
                                + KeycloakSettings.LISTEN_ADDRESS
                                + ":"
                                + managementPort
                                + "/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                int exitCode = process.exitValue();
                if (endedByStop(exitCode)) {
                    throw new IllegalStateException("Keycloak was stopped during start-up");
                }
                throw new IllegalStateException(
                        "Keycloak exited during start-up (exit code " + exitCode + ")\n" + tail());
            }
            if (isReady(http, ready)) {
                return;
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException(
                "Keycloak was not ready in " + READY_TIMEOUT + "\n" + tail());
    }

    private static boolean isReady(HttpClient http, URI ready) throws InterruptedException {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile() + ")";
        }
    }

    private String kcScript() {
        return settings.distDir().resolve("bin/kc.sh").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for Keycloak: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
