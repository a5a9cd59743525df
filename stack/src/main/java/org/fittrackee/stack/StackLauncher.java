package org.fittrackee.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
 *
 * <p>Ctrl-C's signal reaches every process of the terminal's process group: the parts may end by it
 * before this JVM runs its shutdown hook. A part ended by a stop signal therefore means a stop,
 * never a failure to report.
 */
public final class StackLauncher {

    /** The exit code of a start that failed, or of a part that ended on its own. */
    static final int EXIT_FAILED = 2;

    /** The exit code of a stop, as a shell reports a process ended by Ctrl-C. */
    static final int EXIT_STOPPED = 130;

    private static final String PREFIX = "[fittrackee] ";

    private final StackSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private final List<CompletableFuture<PartEnd>> partEnds = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;
    private EmbeddedDatabase embedded;

    public StackLauncher(StackSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        StackLauncher launcher;
        try {
            Path projectDir =
                    Path.of(System.getProperty("fittrackee.project.dir", ".")).toAbsolutePath();
            launcher =
                    new StackLauncher(
                            StackSettings.from(System.getenv(), projectDir),
                            System.out,
                            System.err);
        } catch (StackException e) {
            System.err.println(PREFIX + "error: " + e.getMessage());
            System.exit(EXIT_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "fittrackee-stop"));

        // During a shutdown (Ctrl-C), exit waits for the hooks and the JVM ends with the signal.
        System.exit(launcher.run());
    }

    /**
     * Starts the stack and runs it until it is stopped or one of its parts ends on its own; the
     * exit code, after everything was stopped and a failure was reported in one line.
     */
    int run() {
        try {
            start();
        } catch (RuntimeException e) {
            return endStartUp(e);
        }
        return awaitEnd();
    }

    /**
     * Starts every part and returns once the base URL answers; a {@link StackException} says what
     * went wrong, after which {@link #stop()} stops what had started.
     */
    public void start() {
        requireFreePorts();
        ApiDatabase apiDatabase = prepareDatabases();
        KeycloakDistribution keycloak = startKeycloak();
        boolean demoUserExists = prepareDemoUser(keycloak);
        startApi(apiDatabase, keycloak);
        startGateway();
        printSummary(demoUserExists);
    }

    /**
     * Stops what was started, last started first. A call while another thread stops returns once
     * that stop is over (the shutdown hook must not let the JVM end half-way through a stop that
     * the main thread began); a later call does nothing.
     */
    public void stop() {
        List<Runnable> actions = new ArrayList<>();
        boolean stoppedElsewhere;
        synchronized (stopActions) {
            stoppedElsewhere = stopping;
            stopping = true;
            while (!stopActions.isEmpty()) {
                actions.add(stopActions.pop());
            }
        }
        if (stoppedElsewhere) {
            awaitStopped();
            return;
        }

        try {
            runStopActions(actions);
        } finally {
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runStopActions(List<Runnable> actions) {
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

    private int endStartUp(RuntimeException e) {
        boolean stoppedFromOutside =
                e instanceof StackStoppedException || isStopping() || shutdownInProgress();
        stop();
        if (stoppedFromOutside) {
            return EXIT_STOPPED;
        }
        error(messageOf(e));
        return EXIT_FAILED;
    }

    /** Waits until a part ends; a part that ends on its own stops the rest and is reported. */
    private int awaitEnd() {
        CompletableFuture<?>[] ends;
        synchronized (stopActions) {
            ends = partEnds.toArray(CompletableFuture[]::new);
        }
        PartEnd ended = (PartEnd) CompletableFuture.anyOf(ends).join();

        boolean stoppedFromOutside = ended.byStopSignal() || isStopping() || shutdownInProgress();
        stop();
        if (stoppedFromOutside) {
            return EXIT_STOPPED;
        }
        error(ended.report());
        return EXIT_FAILED;
    }

    /** Whether the JVM is shutting down: it then refuses new shutdown hooks. */
    private static boolean shutdownInProgress() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Watches a part that runs until the stack stops, to notice it if it ends before. */
    private void watch(String part, CompletableFuture<OptionalInt> exit, Path log) {
        synchronized (stopActions) {
            partEnds.add(exit.thenApply(exitCode -> new PartEnd(part, log, exitCode)));
        }
    }

    private static CompletableFuture<OptionalInt> exitOf(Process process) {
        return process.onExit().thenApply(ended -> OptionalInt.of(ended.exitValue()));
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
            throw new StackStoppedException("Stopped during start-up");
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

    /** Starts the embedded PostgreSQL; returns the resource server's database. */
    private ApiDatabase prepareDatabases() {
        if (settings.databaseUrl() != null) {
            requireReachable(settings.databaseUrl());
        }

        progress("Starting the embedded PostgreSQL (data in " + settings.dataDir() + ")");
        EmbeddedDatabase database =
                startTracked(
                        () -> EmbeddedDatabase.start(settings.dataDir(), logDir()),
                        started -> started::close);
        embedded = database;
        database.serverProcess()
                .ifPresent(
                        server ->
                                watch(
                                        "embedded PostgreSQL",
                                        server.onExit().thenApply(ended -> OptionalInt.empty()),
                                        logDir().resolve("postgresql.log")));
        database.createDatabaseIfMissing("keycloak");
        if (settings.databaseUrl() != null) {
            return new ApiDatabase(
                    settings.databaseUrl(),
                    settings.databaseUsername(),
                    settings.databasePassword());
        }
        database.createDatabaseIfMissing("fittrackee");
        return new ApiDatabase(
                database.serverUrl() + "fittrackee", EmbeddedDatabase.USER, database.password());
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
                            + StackException.firstLine(e.getMessage())
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
            if (keycloak.isStopped()) {
                throw new StackStoppedException("Keycloak was stopped while it started");
            }
            throw new StackException(
                    "Keycloak did not start: "
                            + StackException.firstLine(e.getMessage())
                            + "; its log "
                            + keycloak.logFile()
                            + " says more",
                    e);
        } finally {
            ticker.shutdownNow();
        }
        watch("Keycloak", exitOf(keycloak.process()), keycloak.logFile());
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
                        embedded.password(),
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

    /** Makes the demo user when it is wanted and missing; whether it exists. */
    private boolean prepareDemoUser(KeycloakDistribution keycloak) {
        requireRunning();
        DemoUser demo = new DemoUser(keycloak);
        if (!settings.demoUser()) {
            progress("Checking that there is no demo user (FITTRACKEE_DEMO_USER=false)");
            return demo.exists();
        }

        progress("Making sure the demo user exists");
        if (!demo.exists()) {
            demo.create();
        }
        return true;
    }

    private void startApi(ApiDatabase database, KeycloakDistribution keycloak) {
        progress("Starting the resource server on port " + settings.apiPort());
        Map<String, String> environment =
                Map.of(
                        "SERVER_ADDRESS", StackSettings.LOOPBACK,
                        "SERVER_PORT", String.valueOf(settings.apiPort()),
                        "FITTRACKEE_DATABASE_URL", database.url(),
                        "FITTRACKEE_DATABASE_USERNAME", database.username(),
                        "FITTRACKEE_DATABASE_PASSWORD", database.password(),
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
        api.awaitReady(pingUrl(settings.apiPort()), Duration.ofMinutes(2));
        watch(api);
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
        gateway.awaitReady(pingUrl(settings.publicPort()), Duration.ofMinutes(2));
        watch(gateway);
    }

    private static String upstream(int port) {
        return "http://" + StackSettings.LOOPBACK + ":" + port;
    }

    /** The part's {@code /api/ping} on the loopback interface, which answers once it is up. */
    private static URI pingUrl(int port) {
        return URI.create(upstream(port) + "/api/ping");
    }

    private void watch(ChildProcess part) {
        watch(part.name(), exitOf(part.process()), part.log());
    }

    private Path logDir() {
        return settings.dataDir().resolve("logs");
    }

    private void printSummary(boolean demoUserExists) {
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
        lines.add(demoUserLine(demoUserExists));
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

    private String demoUserLine(boolean exists) {
        if (settings.demoUser()) {
            return "  Demo user of the fittrackee realm: "
                    + DemoUser.USERNAME
                    + " / "
                    + DemoUser.PASSWORD
                    + " (account console: "
                    + settings.baseUrl()
                    + "/realms/fittrackee/account)";
        }
        if (exists) {
            return "  The demo user "
                    + DemoUser.USERNAME
                    + " exists (FITTRACKEE_DEMO_USER=false makes none, it deletes none): delete it"
                    + " in the admin console (realm fittrackee, Users) unless its password is no"
                    + " longer "
                    + DemoUser.PASSWORD;
        }
        return "  No demo user (FITTRACKEE_DEMO_USER=false): add users in the admin console";
    }

    private String password() {
        return settings.adminPassword().equals("admin")
                ? "admin: for this machine only"
                : "from FITTRACKEE_ADMIN_PASSWORD";
    }

    private void progress(String message) {
        out.println(PREFIX + message);
    }

    private void error(String message) {
        err.println(PREFIX + "error: " + message);
    }

    /** A problem the person can fix says so itself; anything else is named with its type. */
    private static String messageOf(RuntimeException e) {
        if (e instanceof StackException) {
            return e.getMessage();
        }
        return "unexpected "
                + e.getClass().getSimpleName()
                + " ("
                + StackException.firstLine(e.getMessage())
                + "): please report it with the logs";
    }

    private static long secondsSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    /** Where the resource server keeps its data, and with which account. */
    private record ApiDatabase(String url, String username, String password) {}

    /**
     * A part of the stack that ended: which, where it logs, and its exit code when known (the
     * embedded PostgreSQL's server is no child of this JVM, which learns that it ended only).
     */
    private record PartEnd(String part, Path log, OptionalInt exitCode) {

        boolean byStopSignal() {
            return exitCode.isPresent() && ProcessTree.endedByStopSignal(exitCode.getAsInt());
        }

        String report() {
            return "The "
                    + part
                    + " stopped unexpectedly"
                    + (exitCode.isPresent() ? " (exit code " + exitCode.getAsInt() + ")" : "")
                    + ", so everything was stopped: its log "
                    + log
                    + " says why";
        }
    }
}
