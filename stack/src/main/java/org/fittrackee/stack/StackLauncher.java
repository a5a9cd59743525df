package org.fittrackee.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fittrackee.stack.keycloak.KeycloakDatabase;
import org.fittrackee.stack.keycloak.KeycloakDistribution;
import org.fittrackee.stack.keycloak.KeycloakSettings;

/**
 * The whole product on one machine: PostgreSQL (embedded unless one is given), Keycloak with our
 * providers and realm, the resource server, and the gateway that serves all of FitTrackee's paths
 * on one base URL. Ctrl-C stops everything; a problem stops everything with one line.
 *
 * <p>{@link #stop()} is safe at any moment, from any thread, and more than once: Ctrl-C may come
 * while the stack starts. Whatever had started is stopped, last started first, and nothing starts
 * after it.
 */
public final class StackLauncher {

    private static final String PREFIX = "[fittrackee] ";

    private final StackSettings settings;
    private final PrintStream out;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private boolean stopping;
    private EmbeddedDatabase embedded;

    public StackLauncher(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        StackLauncher launcher;
        try {
            Path projectDir =
                    Path.of(System.getProperty("fittrackee.project.dir", ".")).toAbsolutePath();
            launcher =
                    new StackLauncher(StackSettings.from(System.getenv(), projectDir), System.out);
        } catch (StackException e) {
            fail(e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "fittrackee-stop"));

        try {
            launcher.start();
        } catch (RuntimeException e) {
            boolean stoppedByCtrlC = launcher.isStopping();
            launcher.stop();
            if (!stoppedByCtrlC) {
                fail(messageOf(e));
            }
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
        createDemoUser(keycloak);
        loadRealmKeys(keycloak);
        startApi(apiDatabaseUrl, keycloak);
        startGateway();
        printSummary();
    }

    /** Stops what was started, last started first; calling it again does nothing. */
    public void stop() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (stopActions) {
            stopping = true;
            while (!stopActions.isEmpty()) {
                actions.add(stopActions.pop());
            }
        }
        if (actions.isEmpty()) {
            return;
        }

        progress("Stopping");
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                progress("while stopping: " + e.getMessage());
            }
        }
        progress("Stopped");
    }

    private boolean isStopping() {
        synchronized (stopActions) {
            return stopping;
        }
    }

    /**
     * Starts a part and remembers how to stop it, as one step against {@link #stop()}: a stop
     * either comes first, and nothing starts, or finds the part to stop.
     */
    private <T> T startTracked(Supplier<T> starter, Function<T, Runnable> stopper) {
        synchronized (stopActions) {
            requireRunning();
            T part = starter.get();
            stopActions.push(stopper.apply(part));
            return part;
        }
    }

    private void requireRunning() {
        if (isStopping()) {
            throw new StackException("Stopped during start-up");
        }
    }

    private void requireFreePorts() {
        progress("Checking ports " + settings.portsInOrder().values());
        settings.portsInOrder().forEach(this::requireFree);
    }

    private void requireFree(String variable, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Every address: a port that something uses on any interface is taken.
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            throw new StackException(
                    "Port "
                            + port
                            + " is in use: stop what uses it, or set "
                            + variable
                            + " to a free port");
        } catch (IOException e) {
            throw new StackException("Cannot check port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Starts the embedded PostgreSQL; returns the resource server's database URL. */
    private String prepareDatabases() {
        if (settings.databaseUrl() != null) {
            requireReachable(settings.databaseUrl());
        }

        progress("Starting the embedded PostgreSQL (data in " + settings.dataDir() + ")");
        EmbeddedDatabase database =
                startTracked(
                        () -> EmbeddedDatabase.start(settings.dataDir()),
                        started -> started::close);
        embedded = database;
        database.createDatabaseIfMissing("keycloak");
        if (settings.databaseUrl() != null) {
            return settings.databaseUrl();
        }
        database.createDatabaseIfMissing("fittrackee");
        return database.serverUrl() + "fittrackee";
    }

    private void requireReachable(String databaseUrl) {
        progress("Checking FITTRACKEE_DATABASE_URL");
        try (Connection connection =
                DriverManager.getConnection(
                        databaseUrl, settings.databaseUsername(), settings.databasePassword())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new StackException(
                    "Cannot use FITTRACKEE_DATABASE_URL="
                            + StackSettings.withoutQuery(databaseUrl)
                            + " as "
                            + settings.databaseUsername()
                            + " ("
                            + firstLine(e.getMessage())
                            + "): check the URL, FITTRACKEE_DATABASE_USERNAME and"
                            + " FITTRACKEE_DATABASE_PASSWORD, or unset them to use the embedded"
                            + " PostgreSQL",
                    e);
        }
    }

    private KeycloakDistribution startKeycloak() {
        // Its start may take minutes and is itself safe against a stop from another thread.
        KeycloakDistribution keycloak =
                startTracked(
                        () -> KeycloakDistribution.create(keycloakSettings()),
                        created -> created::stop);

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
                            + "; its log "
                            + keycloak.logFile()
                            + " says more",
                    e);
        } finally {
            ticker.shutdownNow();
        }
        progress("Keycloak is ready (" + secondsSince(started) + " s)");
        return keycloak;
    }

    /**
     * NOTE: Keycloak's database is always the embedded PostgreSQL's, even with
     * FITTRACKEE_DATABASE_URL: one URL names one database and Keycloak needs its own. A second
     * setting passed to --db-url would lift it (docs/limitations.md).
     */
    private KeycloakSettings keycloakSettings() {
        StackSettings.StackFiles files = settings.files();
        return new KeycloakSettings(
                files.keycloakDistDir(),
                files.providerJar(),
                files.realmFile(),
                new KeycloakDatabase(
                        embedded.serverUrl(),
                        "keycloak",
                        EmbeddedDatabase.USER,
                        EmbeddedDatabase.USER,
                        false),
                settings.keycloakPort(),
                settings.keycloakManagementPort(),
                settings.baseUrl(),
                Map.of(
                        "FITTRACKEE_BASE_URL", settings.baseUrl(),
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword()),
                this::progress,
                logDir());
    }

    private void createDemoUser(KeycloakDistribution keycloak) {
        requireRunning();
        progress("Making sure the demo user exists");
        new DemoUser(keycloak).createIfMissing();
    }

    /**
     * Asks Keycloak for the realm's keys once, so that they are loaded before the resource server's
     * first token check asks for them with its short read timeout.
     */
    private void loadRealmKeys(KeycloakDistribution keycloak) {
        URI certs = URI.create(keycloak.realmUrl() + "/protocol/openid-connect/certs");
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(certs).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            progress("Keycloak did not give the realm's keys yet (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startApi(String databaseUrl, KeycloakDistribution keycloak) {
        progress("Starting the resource server on port " + settings.apiPort());
        Map<String, String> environment =
                Map.of(
                        "SERVER_ADDRESS", StackSettings.LOOPBACK,
                        "SERVER_PORT", String.valueOf(settings.apiPort()),
                        "FITTRACKEE_DATABASE_URL", databaseUrl,
                        "FITTRACKEE_DATABASE_USERNAME", settings.databaseUsername(),
                        "FITTRACKEE_DATABASE_PASSWORD", settings.databasePassword(),
                        "FITTRACKEE_ISSUER_URL", settings.issuerUrl(),
                        "FITTRACKEE_JWKS_URL",
                                keycloak.realmUrl() + "/protocol/openid-connect/certs");
        ChildProcess api =
                startTracked(
                        () ->
                                ChildProcess.startJar(
                                        "resource server",
                                        settings.files().apiJar(),
                                        environment,
                                        logDir()),
                        started -> started::stop);
        api.awaitReady(loopbackUrl(settings.apiPort()), Duration.ofMinutes(2));
    }

    private void startGateway() {
        progress("Starting the gateway on " + settings.baseUrl());
        Map<String, String> environment =
                Map.of(
                        "SERVER_PORT", String.valueOf(settings.publicPort()),
                        "FITTRACKEE_BIND_ADDRESS", settings.bindAddress(),
                        "FITTRACKEE_TRUSTED_PROXIES", settings.trustedProxies(),
                        "FITTRACKEE_KEYCLOAK_URL", upstream(settings.keycloakPort()),
                        "FITTRACKEE_API_URL", upstream(settings.apiPort()));
        ChildProcess gateway =
                startTracked(
                        () ->
                                ChildProcess.startJar(
                                        "gateway",
                                        settings.files().gatewayJar(),
                                        environment,
                                        logDir()),
                        started -> started::stop);
        gateway.awaitReady(loopbackUrl(settings.publicPort()), Duration.ofMinutes(2));
    }

    private static String upstream(int port) {
        return "http://" + StackSettings.LOOPBACK + ":" + port;
    }

    private static URI loopbackUrl(int port) {
        return URI.create(upstream(port) + "/api/ping");
    }

    private Path logDir() {
        return settings.dataDir().resolve("logs");
    }

    private void printSummary() {
        String base = settings.baseUrl();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("FitTrackee is ready on " + base);
        lines.add(
                "  Third-party apps use this base URL: "
                        + base
                        + "/profile/apps/authorize, "
                        + base
                        + "/api/oauth/token, "
                        + base
                        + "/api/...");
        lines.add(
                "  Discovery: "
                        + base
                        + "/.well-known/oauth-protected-resource and "
                        + base
                        + "/.well-known/oauth-authorization-server/realms/fittrackee");
        lines.add("  API documentation: " + base + "/api/docs");
        lines.add("  Admin console: " + base + "/admin (user admin, password " + password() + ")");
        lines.add(
                "  Demo user of the fittrackee realm: "
                        + DemoUser.USERNAME
                        + " / "
                        + DemoUser.PASSWORD
                        + " (account console: "
                        + base
                        + "/realms/fittrackee/account)");
        if (settings.gatewayIsExposed()) {
            lines.add(
                    "  The gateway listens on "
                            + settings.bindAddress()
                            + " (FITTRACKEE_BIND_ADDRESS): other machines reach it, and these"
                            + " passwords with it");
        }
        lines.add("  Logs: " + logDir());
        lines.add("Press Ctrl-C to stop everything.");
        lines.forEach(out::println);
    }

    private String password() {
        return settings.adminPassword().equals("admin")
                ? "admin: for this machine only"
                : "from FITTRACKEE_ADMIN_PASSWORD";
    }

    private void waitForCtrlC() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void progress(String message) {
        out.println(PREFIX + message);
    }

    private static void fail(String message) {
        System.err.println(PREFIX + "error: " + message);
        System.exit(2);
    }

    /** A problem the person can fix says so itself; anything else is named with its type. */
    private static String messageOf(RuntimeException e) {
        if (e instanceof StackException) {
            return e.getMessage();
        }
        return "unexpected "
                + e.getClass().getSimpleName()
                + " ("
                + firstLine(e.getMessage())
                + "): please report it with the logs";
    }

    private static long secondsSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
    }
}
