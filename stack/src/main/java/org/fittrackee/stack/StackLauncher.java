package org.fittrackee.stack;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fittrackee.stack.keycloak.KeycloakDatabase;
import org.fittrackee.stack.keycloak.KeycloakDistribution;
import org.fittrackee.stack.keycloak.KeycloakSettings;

/**
 * The whole product on one machine: PostgreSQL (embedded unless one is given), Keycloak with our
 * providers and realm, the resource server, and the gateway that serves all of FitTrackee's paths
 * on one base URL. Ctrl-C stops everything; a problem stops everything with one line.
 *
 * <p>The end-to-end tests call {@link #start()} and {@link #stop()} with settings of their own, so
 * that they run the product exactly as {@code ./mvnw -Pstack package} does.
 */
public final class StackLauncher {

    private static final PrintStream OUT = System.out;

    private final StackSettings settings;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private EmbeddedDatabase embedded;

    public StackLauncher(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        StackLauncher launcher;
        try {
            Path projectDir =
                    Path.of(System.getProperty("fittrackee.project.dir", ".")).toAbsolutePath();
            launcher = new StackLauncher(StackSettings.from(System.getenv(), projectDir));
        } catch (StackException e) {
            fail(e);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "fittrackee-stop"));

        try {
            launcher.start();
        } catch (StackException e) {
            launcher.stop();
            fail(e);
            return;
        }
        launcher.waitForCtrlC();
    }

    /**
     * Starts every part and returns once the base URL answers; a {@link StackException} says what
     * went wrong, after which {@link #stop()} stops what had started.
     */
    public void start() {
        requireFreePorts();
        String apiDatabaseUrl = prepareDatabases();
        KeycloakDistribution keycloak = startKeycloak();
        new DemoUser(keycloak, settings.adminPassword()).createIfMissing();
        startApi(apiDatabaseUrl, keycloak);
        startGateway();
        printSummary();
    }

    private void requireFreePorts() {
        Map<String, Integer> ports =
                Map.of(
                        "FITTRACKEE_PORT", settings.publicPort(),
                        "FITTRACKEE_KEYCLOAK_PORT", settings.keycloakPort(),
                        "FITTRACKEE_KEYCLOAK_MANAGEMENT_PORT", settings.keycloakManagementPort(),
                        "FITTRACKEE_API_PORT", settings.apiPort());
        ports.forEach(
                (name, port) -> {
                    try (ServerSocket socket = new ServerSocket()) {
                        socket.bind(new InetSocketAddress(port));
                    } catch (BindException e) {
                        throw new StackException(
                                "Port "
                                        + port
                                        + " is in use: stop what uses it, or set "
                                        + name
                                        + " to a free port");
                    } catch (java.io.IOException e) {
                        throw new StackException(
                                "Cannot check port " + port + ": " + e.getMessage());
                    }
                });
    }

    /** Starts the embedded PostgreSQL; returns the resource server's database URL. */
    private String prepareDatabases() {
        if (settings.databaseUrl() != null) {
            requireReachable(settings.databaseUrl());
        }
        progress("Starting the embedded PostgreSQL (data in " + settings.dataDir() + ")");
        EmbeddedDatabase database = EmbeddedDatabase.start(settings.dataDir());
        stopActions.push(database::close);
        embedded = database;
        database.createDatabaseIfMissing("keycloak");
        if (settings.databaseUrl() != null) {
            return settings.databaseUrl();
        }
        database.createDatabaseIfMissing("fittrackee");
        return database.serverUrl() + "fittrackee";
    }

    private void requireReachable(String databaseUrl) {
        try (var connection =
                DriverManager.getConnection(
                        databaseUrl, settings.databaseUsername(), settings.databasePassword())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new StackException(
                    "FITTRACKEE_DATABASE_URL="
                            + databaseUrl
                            + " is not reachable ("
                            + e.getMessage()
                            + "): check the URL, FITTRACKEE_DATABASE_USERNAME and"
                            + " FITTRACKEE_DATABASE_PASSWORD, or unset it to use the embedded"
                            + " PostgreSQL");
        }
    }

    private KeycloakDistribution startKeycloak() {
        String embeddedServer = embedded.serverUrl();
        KeycloakSettings keycloakSettings =
                new KeycloakSettings(
                        settings.keycloakDistDir(),
                        settings.providerJar(),
                        settings.realmFile(),
                        new KeycloakDatabase(
                                embeddedServer, "keycloak", "postgres", "postgres", false),
                        settings.keycloakPort(),
                        settings.keycloakManagementPort(),
                        settings.baseUrl(),
                        Map.of(
                                "FITTRACKEE_BASE_URL", settings.baseUrl(),
                                "KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword()),
                        StackLauncher::progress);
        KeycloakDistribution keycloak = KeycloakDistribution.create(keycloakSettings);
        stopActions.push(keycloak::stop);

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(
                () -> progress("  still working on Keycloak (" + secondsSince(started) + " s)"),
                15,
                15,
                TimeUnit.SECONDS);
        try {
            keycloak.start();
        } catch (IllegalStateException e) {
            throw new StackException(
                    "Keycloak did not start: "
                            + firstLine(e.getMessage())
                            + "; see "
                            + keycloak.logFile(),
                    e);
        } finally {
            ticker.shutdownNow();
        }
        progress("Keycloak is ready (" + secondsSince(started) + " s)");
        return keycloak;
    }

    private void startApi(String databaseUrl, KeycloakDistribution keycloak) {
        progress("Starting the resource server on port " + settings.apiPort());
        ChildProcess api =
                ChildProcess.startJar(
                        "resource-server",
                        settings.apiJar(),
                        Map.of(
                                "SERVER_PORT", String.valueOf(settings.apiPort()),
                                "FITTRACKEE_DATABASE_URL", databaseUrl,
                                "FITTRACKEE_DATABASE_USERNAME", settings.databaseUsername(),
                                "FITTRACKEE_DATABASE_PASSWORD", settings.databasePassword(),
                                "FITTRACKEE_ISSUER_URL", settings.issuerUrl(),
                                "FITTRACKEE_JWKS_URL",
                                        keycloak.realmUrl() + "/protocol/openid-connect/certs"),
                        settings.dataDir().resolve("logs"));
        stopActions.push(api::stop);
        api.awaitReady(
                URI.create("http://localhost:" + settings.apiPort() + "/api/ping"),
                Duration.ofMinutes(2));
    }

    private void startGateway() {
        progress("Starting the gateway on " + settings.baseUrl());
        ChildProcess gateway =
                ChildProcess.startJar(
                        "gateway",
                        settings.gatewayJar(),
                        Map.of(
                                "SERVER_PORT", String.valueOf(settings.publicPort()),
                                "FITTRACKEE_KEYCLOAK_URL",
                                        "http://localhost:" + settings.keycloakPort(),
                                "FITTRACKEE_API_URL", "http://localhost:" + settings.apiPort()),
                        settings.dataDir().resolve("logs"));
        stopActions.push(gateway::stop);
        gateway.awaitReady(URI.create(settings.baseUrl() + "/api/ping"), Duration.ofMinutes(2));
    }

    private void printSummary() {
        String base = settings.baseUrl();
        List<String> lines =
                List.of(
                        "",
                        "FitTrackee is ready on " + base,
                        "  Third-party apps use this base URL: "
                                + base
                                + "/profile/apps/authorize, "
                                + base
                                + "/api/oauth/token, "
                                + base
                                + "/api/...",
                        "  Discovery: "
                                + base
                                + "/.well-known/oauth-authorization-server and "
                                + base
                                + "/.well-known/oauth-protected-resource",
                        "  API documentation: " + base + "/api/docs",
                        "  Admin console: "
                                + base
                                + "/admin (user admin, password "
                                + (settings.adminPassword().equals("admin")
                                        ? "admin: for this machine only"
                                        : "from FITTRACKEE_ADMIN_PASSWORD")
                                + ")",
                        "  Demo user of the fittrackee realm: "
                                + DemoUser.USERNAME
                                + " / "
                                + DemoUser.PASSWORD,
                        "  Logs: " + settings.dataDir().resolve("logs"),
                        "Press Ctrl-C to stop everything.");
        lines.forEach(OUT::println);
    }

    private void waitForCtrlC() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops what was started, last started first; calling it again does nothing. */
    public synchronized void stop() {
        if (stopActions.isEmpty()) {
            return;
        }
        progress("Stopping");
        while (!stopActions.isEmpty()) {
            try {
                stopActions.pop().run();
            } catch (RuntimeException e) {
                OUT.println("[fittrackee] while stopping: " + e.getMessage());
            }
        }
    }

    private static void progress(String message) {
        OUT.println("[fittrackee] " + message);
    }

    private static void fail(StackException e) {
        System.err.println("[fittrackee] error: " + e.getMessage());
        System.exit(2);
    }

    private static long secondsSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
