package org.fittrackee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.fittrackee.stack.StackSettings.StackFiles;
import org.fittrackee.stack.fake.FakeStackFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher with everything real but the servers: real ports, real child processes, the real
 * embedded PostgreSQL, and a fake Keycloak distribution and fake jars (see {@link FakeStackFiles})
 * that start in a second. What it prints, what it refuses, and that nothing outlives a failure or a
 * stop.
 */
class StackLauncherTest {

    @TempDir Path root;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>();
    private FakeStackFiles files;
    private StackLauncher launcher;

    @BeforeEach
    void freePortsAndFakeFiles() throws Exception {
        files = FakeStackFiles.in(root.resolve("files"));
        FreePorts.forEveryPortVariable()
                .forEach((variable, port) -> environment.put(variable, String.valueOf(port)));
        environment.put("FITTRACKEE_DATA_DIR", root.resolve("data").toString());
    }

    @AfterEach
    void stopWhatIsLeft() {
        if (launcher != null) {
            launcher.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FITTRACKEE_PORT",
                "FITTRACKEE_KEYCLOAK_PORT",
                "FITTRACKEE_KEYCLOAK_MANAGEMENT_PORT",
                "FITTRACKEE_API_PORT"
            })
    void aPortInUseStopsTheStartWithOneLineNamingItsVariable(String variable) throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            environment.put(variable, String.valueOf(busy.getLocalPort()));

            assertThatThrownBy(launcher(files.stackFiles())::start)
                    .isInstanceOf(StackException.class)
                    .hasMessage(
                            "Port "
                                    + busy.getLocalPort()
                                    + " is in use: stop what uses it, or set "
                                    + variable
                                    + " to a free port");
        }
        assertThat(Files.exists(root.resolve("data/postgres"))).isFalse();
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneClearLine() {
        environment.put("FITTRACKEE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/fittrackee");

        assertThatThrownBy(launcher(files.stackFiles())::start)
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith(
                        "Cannot use"
                            + " FITTRACKEE_DATABASE_URL=jdbc:postgresql://127.0.0.1:1/fittrackee as"
                            + " postgres (")
                .hasMessageEndingWith(
                        "check the URL, FITTRACKEE_DATABASE_USERNAME and"
                                + " FITTRACKEE_DATABASE_PASSWORD, or unset them to use the embedded"
                                + " PostgreSQL");
    }

    @Test
    void wrongDatabaseCredentialsStopTheStartWithOneLineThatShowsNoPassword() {
        environment.put(
                "FITTRACKEE_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?password=in-the-url");
        environment.put("FITTRACKEE_DATABASE_USERNAME", "no_such_role");
        environment.put("FITTRACKEE_DATABASE_PASSWORD", "not-shown");

        assertThatThrownBy(launcher(files.stackFiles())::start)
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith(
                        "Cannot use FITTRACKEE_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/"
                                + "postgres?... as no_such_role (")
                .hasMessageContaining("no_such_role")
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("in-the-url", "not-shown"))
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void theStackStartsEveryPartAndPrintsItsProgressTheBaseUrlTheAdminLoginAndTheDemoUser()
            throws Exception {
        StackLauncher started = launcher(files.stackFiles());

        started.start();

        String base = "http://localhost:" + environment.get("FITTRACKEE_PORT");
        assertThat(lines())
                .containsSubsequence(
                        "[fittrackee] Checking ports " + settings().portsInOrder().values(),
                        "[fittrackee] Starting the embedded PostgreSQL (data in "
                                + root.resolve("data")
                                + ")",
                        "[fittrackee] Building Keycloak with our providers (about 40 s)",
                        "[fittrackee] Starting Keycloak on http://localhost:"
                                + environment.get("FITTRACKEE_KEYCLOAK_PORT")
                                + " (about 20 s)",
                        "[fittrackee] Making sure the demo user exists",
                        "[fittrackee] Starting the resource server on port "
                                + environment.get("FITTRACKEE_API_PORT"),
                        "[fittrackee] Starting the gateway on " + base,
                        "FitTrackee is ready on " + base,
                        "  Admin console: "
                                + base
                                + "/admin (user admin, password admin: for this machine only)",
                        "  Demo user of the fittrackee realm: demo / demo (account console: "
                                + base
                                + "/realms/fittrackee/account)",
                        "Press Ctrl-C to stop everything.");
        assertThat(lines()).anyMatch(line -> line.startsWith("[fittrackee] Keycloak is ready ("));
        assertThat(lines()).noneMatch(line -> line.contains("other machines reach it"));
    }

    @Test
    void everyPartButTheGatewayListensOnTheLoopbackInterface() throws Exception {
        launcher(files.stackFiles()).start();

        assertThat(files.environmentOf(files.apiJar()))
                .contains("SERVER_ADDRESS=127.0.0.1", "SERVER_PORT=" + port("FITTRACKEE_API_PORT"));
        assertThat(files.environmentOf(files.gatewayJar()))
                .contains(
                        "FITTRACKEE_BIND_ADDRESS=127.0.0.1",
                        "FITTRACKEE_TRUSTED_PROXIES=",
                        "FITTRACKEE_KEYCLOAK_URL=http://127.0.0.1:"
                                + port("FITTRACKEE_KEYCLOAK_PORT"),
                        "FITTRACKEE_API_URL=http://127.0.0.1:" + port("FITTRACKEE_API_PORT"));
        assertThat(files.kcInvocations())
                .anyMatch(
                        line ->
                                line.startsWith("start")
                                        && line.contains("--http-host=127.0.0.1")
                                        && line.contains("--http-management-host=127.0.0.1"));
    }

    @Test
    void anExposedGatewayIsSaidSoInTheSummary() throws Exception {
        environment.put("FITTRACKEE_BIND_ADDRESS", "0.0.0.0");

        launcher(files.stackFiles()).start();

        assertThat(files.environmentOf(files.gatewayJar()))
                .contains("FITTRACKEE_BIND_ADDRESS=0.0.0.0");
        assertThat(lines())
                .contains(
                        "  The gateway listens on 0.0.0.0 (FITTRACKEE_BIND_ADDRESS): other machines"
                                + " reach it, and these passwords with it");
    }

    @Test
    void aSecondStartWithNothingChangedDoesNotBuildKeycloakAgain() throws Exception {
        launcher(files.stackFiles()).start();
        launcher.stop();
        output.reset();

        launcher(files.stackFiles()).start();

        assertThat(lines()).contains("FitTrackee is ready on " + settings().baseUrl());
        assertThat(lines()).noneMatch(line -> line.contains("Building Keycloak"));
        assertThat(files.kcInvocations().stream().filter(line -> line.startsWith("build")))
                .hasSize(1);
    }

    @Test
    void aFailureAfterKeycloakStartedStopsWhatHadStartedAndLeavesNoProcess() throws Exception {
        StackLauncher failing = launcher(files.withFailingApi());

        assertThatThrownBy(failing::start)
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "The resource server stopped during start-up: its log "
                                + root.resolve("data/logs/resource-server.log")
                                + " says why");
        long postgres = postmasterPid().orElseThrow();
        failing.stop();

        assertThat(lines()).anyMatch(line -> line.startsWith("[fittrackee] Keycloak is ready"));
        assertNothingLeft(postgres);
    }

    @Test
    void aStopDuringStartUpEndsTheKeycloakBuildAndStartsNothingMore() throws Exception {
        files.makeBuildsLast(120);
        StackLauncher starting = launcher(files.stackFiles());
        CompletableFuture<Void> start = CompletableFuture.runAsync(starting::start);
        awaitLine("[fittrackee] Building Keycloak with our providers (about 40 s)");
        long postgres = postmasterPid().orElseThrow();

        starting.stop();

        assertThatThrownBy(() -> start.get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StackException.class);
        assertThat(lines()).noneMatch(line -> line.contains("Starting Keycloak on"));
        assertThat(lines()).contains("[fittrackee] Stopped");
        assertNothingLeft(postgres);
    }

    @Test
    void aSecondStopReturnsOnlyOnceTheStopInProgressIsOver() throws Exception {
        StackLauncher running = launcher(files.stackFiles());
        running.start();
        long postgres = postmasterPid().orElseThrow();
        CompletableFuture<Void> first = CompletableFuture.runAsync(running::stop);
        awaitLine("[fittrackee] Stopping");

        // As the shutdown hook does while the main thread stops after a part ended.
        running.stop();

        assertThat(lines()).contains("[fittrackee] Stopped");
        first.get(60, TimeUnit.SECONDS);
        assertNothingLeft(postgres);
    }

    @Test
    void aKeycloakScriptThatCannotRunIsOneLineNotAStackTrace() throws Exception {
        Files.setPosixFilePermissions(
                files.distDir().resolve("bin/kc.sh"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(launcher(files.stackFiles())::start)
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("Keycloak did not start: Cannot start Keycloak: Cannot run")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aFailedKeycloakBuildIsOneLineThatNamesTheLogOnce() throws Exception {
        files.makeBuildsFail(3);

        assertThatThrownBy(launcher(files.stackFiles())::start)
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "Keycloak did not start: kc.sh build failed (exit code 3); its log "
                                + root.resolve("data/logs/keycloak.log")
                                + " says more");
    }

    @Test
    void aKeycloakBuildEndedByCtrlCsSignalIsAStopAndNoError() throws Exception {
        files.makeBuildsLast(120);
        StackLauncher starting = launcher(files.stackFiles());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(starting::run);
        awaitLine("[fittrackee] Building Keycloak with our providers (about 40 s)");
        long postgres = postmasterPid().orElseThrow();

        // The signal reaches the build before the stack hears of any stop.
        childProcess(command -> command.endsWith("sleep 120")).destroy();

        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(StackLauncher.EXIT_STOPPED);
        assertThat(lines()).noneMatch(line -> line.contains("error"));
        assertThat(lines()).contains("[fittrackee] Stopped");
        assertNothingLeft(postgres);
    }

    @Test
    void aPartThatEndsAfterTheStackIsReadyStopsEverythingWithOneLineNamingItAndItsLog()
            throws Exception {
        StackLauncher running = launcher(files.stackFiles());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(running::run);
        awaitLine("Press Ctrl-C to stop everything.");
        long postgres = postmasterPid().orElseThrow();

        childProcess(command -> command.contains(files.apiJar().toString())).destroyForcibly();

        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(StackLauncher.EXIT_FAILED);
        assertThat(lines().stream().filter(line -> line.contains("error")))
                .containsExactly(
                        "[fittrackee] error: The resource server stopped unexpectedly (exit code"
                                + " 137), so everything was stopped: its log "
                                + root.resolve("data/logs/resource-server.log")
                                + " says why");
        assertNothingLeft(postgres);
    }

    @Test
    void ctrlCAfterTheStackIsReadyIsNoFailureOfItsParts() throws Exception {
        StackLauncher running = launcher(files.stackFiles());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(running::run);
        awaitLine("Press Ctrl-C to stop everything.");

        long postgres = postmasterPid().orElseThrow();

        // Ctrl-C's signal ends the gateway before the stack's own stop begins.
        childProcess(command -> command.contains(files.gatewayJar().toString())).destroy();

        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(StackLauncher.EXIT_STOPPED);
        assertThat(lines()).noneMatch(line -> line.contains("error"));
        assertNothingLeft(postgres);
    }

    @Test
    void theDemoUserIsMadeWhenMissingWhileTheGatewayListensOnLoopback() throws Exception {
        launcher(files.stackFiles()).start();

        assertThat(files.adminCalls()).contains("POST /admin/realms/fittrackee/users");
    }

    @Test
    void anExposedGatewayGetsNoDemoUserByDefault() throws Exception {
        environment.put("FITTRACKEE_BIND_ADDRESS", "0.0.0.0");

        launcher(files.stackFiles()).start();

        assertThat(files.adminCalls()).noneMatch(call -> call.startsWith("POST"));
        assertThat(lines())
                .contains(
                        "[fittrackee] Checking that there is no demo user"
                                + " (FITTRACKEE_DEMO_USER=false)",
                        "  No demo user (FITTRACKEE_DEMO_USER=false): add users in the admin"
                                + " console")
                .noneMatch(line -> line.contains("demo / demo"));
    }

    @Test
    void aDemoUserLeftFromAnEarlierStartIsPointedOutWhenNoneIsWanted() throws Exception {
        environment.put("FITTRACKEE_DEMO_USER", "false");
        files.makeTheDemoUserExist();

        launcher(files.stackFiles()).start();

        assertThat(files.adminCalls()).noneMatch(call -> call.startsWith("POST"));
        assertThat(lines())
                .contains(
                        "  The demo user demo exists (FITTRACKEE_DEMO_USER=false makes none, it"
                                + " deletes none): delete it in the admin console (realm"
                                + " fittrackee, Users) unless its password is no longer demo");
    }

    @Test
    void anExposedGatewayGetsTheDemoUserWhenItIsAskedFor() throws Exception {
        environment.put("FITTRACKEE_BIND_ADDRESS", "0.0.0.0");
        environment.put("FITTRACKEE_DEMO_USER", "true");

        launcher(files.stackFiles()).start();

        assertThat(files.adminCalls()).contains("POST /admin/realms/fittrackee/users");
        assertThat(lines()).anyMatch(line -> line.startsWith("  Demo user of the fittrackee"));
    }

    @Test
    void thePasswordsReachThePartsThroughTheirEnvironmentAndNoCommandLine() throws Exception {
        environment.put("FITTRACKEE_ADMIN_PASSWORD", "Admin-password-of-this-test");

        launcher(files.stackFiles()).start();

        String databasePassword = Files.readString(root.resolve("data/postgres-password")).trim();
        assertThat(files.keycloakEnvironment())
                .contains(
                        "KC_DB_PASSWORD=" + databasePassword,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD=Admin-password-of-this-test");
        assertThat(files.environmentOf(files.apiJar()))
                .contains("FITTRACKEE_DATABASE_PASSWORD=" + databasePassword);
        assertThat(files.kcInvocations())
                .noneMatch(line -> line.contains(databasePassword))
                .noneMatch(line -> line.contains("Admin-password-of-this-test"));
        assertThat(commandLinesOfTheStack())
                .isNotEmpty()
                .noneMatch(line -> line.contains(databasePassword))
                .noneMatch(line -> line.contains("Admin-password-of-this-test"));
    }

    private StackLauncher launcher(StackFiles stackFiles) {
        PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);
        launcher = new StackLauncher(StackSettings.from(environment, stackFiles), printed, printed);
        return launcher;
    }

    private StackSettings settings() {
        return StackSettings.from(environment, files.stackFiles());
    }

    private String port(String variable) {
        return environment.get(variable);
    }

    private List<String> lines() {
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void awaitLine(String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!lines().contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(lines()).contains(line);
    }

    /**
     * The one child process of this JVM, or grandchild, whose command line matches, once it runs.
     */
    private static ProcessHandle childProcess(Predicate<String> commandLine)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ProcessHandle> matching = List.of();
        while (matching.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            matching =
                    ProcessHandle.current()
                            .descendants()
                            .filter(
                                    process ->
                                            process.info()
                                                    .commandLine()
                                                    .filter(commandLine)
                                                    .isPresent())
                            .toList();
        }
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /**
     * The command lines of every process of the stack as {@code ps} shows them: this JVM's
     * descendants, and the embedded PostgreSQL's server with its own.
     */
    private List<String> commandLinesOfTheStack() throws IOException {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid().orElseThrow()).orElseThrow();
        List<ProcessHandle> processes =
                new ArrayList<>(ProcessHandle.current().descendants().toList());
        processes.add(postmaster);
        processes.addAll(postmaster.descendants().toList());
        List<String> lines = new ArrayList<>();
        for (ProcessHandle process : processes) {
            Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
            try {
                lines.add(Files.readString(cmdline).replace('\0', ' '));
            } catch (IOException e) {
                // ended meanwhile
            }
        }
        return lines;
    }

    /** The embedded PostgreSQL's server process, which is no child of this JVM. */
    private Optional<Long> postmasterPid() throws IOException {
        Path pidFile = root.resolve("data/postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    private void assertNothingLeft(long postgres) throws Exception {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("processes this test started")
                .isEmpty();
        // pg_ctl reports the server stopped while its last process may still be exiting.
        Optional<ProcessHandle> server = ProcessHandle.of(postgres);
        if (server.isPresent()) {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        }
        for (int port : settings().portsInOrder().values()) {
            try (ServerSocket free = new ServerSocket()) {
                free.bind(new InetSocketAddress(port));
            }
        }
    }
}
