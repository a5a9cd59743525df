package org.fittrackee.stack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fittrackee.stack.fake.FakeStackFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's handling of the distribution, on a fake one whose {@code kc.sh} records how it is
 * called: when it builds, how the server is started, and how a stop ends what runs. The database is
 * a real one on the local PostgreSQL.
 */
class KeycloakDistributionTest {

    private static final KeycloakDatabase DATABASE =
            new KeycloakDatabase(
                    "jdbc:postgresql://127.0.0.1:5432/",
                    "fittrackee_stack_test_" + ProcessHandle.current().pid(),
                    "postgres",
                    "postgres",
                    true);

    @TempDir Path root;

    private FakeStackFiles files;
    private KeycloakDistribution keycloak;

    @BeforeEach
    void fakeDistribution() throws Exception {
        files = FakeStackFiles.in(root);
    }

    @AfterEach
    void stopAndDropTheDatabase() {
        if (keycloak != null) {
            keycloak.stop();
        }
        DATABASE.drop();
    }

    @Test
    void anUnchangedProviderJarAndUnchangedOptionsAreNotBuiltAgain() throws Exception {
        startAndStop(Map.of());
        startAndStop(Map.of());

        assertThat(commands("build")).hasSize(1);
        assertThat(commands("start")).hasSize(2);
    }

    @Test
    void aChangedProviderJarIsBuiltAgainBeforeTheServerStarts() throws Exception {
        startAndStop(Map.of());
        Files.writeString(files.providerJar(), "provider, second build");
        startAndStop(Map.of());

        assertThat(commands("build")).hasSize(2);
        assertThat(files.kcInvocations().get(2)).startsWith("build");
        assertThat(files.distDir().resolve("providers/fittrackee-keycloak-extensions.jar"))
                .hasContent("provider, second build");
    }

    @Test
    void theServerListensOnTheLoopbackInterfaceOnly() throws Exception {
        startAndStop(Map.of());

        assertThat(commands("start").get(0))
                .contains("--http-host=127.0.0.1", "--http-management-host=127.0.0.1");
    }

    @Test
    void theServerRunsAsASingleNodeWithLocalCachesSoThatNoClusterPortOpens() throws Exception {
        startAndStop(Map.of());

        assertThat(commands("start")).singleElement().asString().contains("--cache=local");
    }

    @Test
    void theAdminAndDatabasePasswordsReachKeycloakInItsEnvironmentAndOnNoCommandLine()
            throws Exception {
        startAndStop(Map.of("KC_BOOTSTRAP_ADMIN_PASSWORD", "s3cret-Admin"));

        assertThat(files.keycloakEnvironment())
                .contains("KC_BOOTSTRAP_ADMIN_PASSWORD=s3cret-Admin", "KC_DB_PASSWORD=postgres");
        assertThat(keycloak.adminPassword()).isEqualTo("s3cret-Admin");
        assertThat(files.kcInvocations())
                .isNotEmpty()
                .noneMatch(line -> line.contains("password"))
                .noneMatch(line -> line.contains("s3cret-Admin"));
    }

    @Test
    void aBuildEndedByAStopSignalIsAStopNotAFailedBuild() throws Exception {
        files.makeBuildsLast(120);
        keycloak = KeycloakDistribution.create(settings(Map.of()));
        CompletableFuture<Void> start = CompletableFuture.runAsync(keycloak::start);
        awaitCommand("build");

        // As Ctrl-C's signal reaches the build before anyone calls stop().
        awaitSleepingBuild().destroy();

        assertThatThrownBy(() -> start.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keycloak was stopped during its build");
        assertThat(keycloak.isStopped()).isTrue();
        assertThat(commands("start")).isEmpty();
    }

    @Test
    void aFailedBuildSaysItsExitCodeAndEndsWithTheLog() throws Exception {
        files.makeBuildsFail(4);
        keycloak = KeycloakDistribution.create(settings(Map.of()));

        assertThatThrownBy(keycloak::start)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("kc.sh build failed (exit code 4)\n");
        assertThat(keycloak.isStopped()).isFalse();
    }

    @Test
    void theBuildAndTheServerWriteToTheLogDirectory() throws Exception {
        startAndStop(Map.of());

        assertThat(keycloak.logFile()).isEqualTo(root.resolve("logs/keycloak.log")).exists();
    }

    @Test
    void aScriptThatCannotRunIsReportedAsAStartFailureWithItsReason() throws Exception {
        Files.setPosixFilePermissions(
                files.distDir().resolve("bin/kc.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        keycloak = KeycloakDistribution.create(settings(Map.of()));

        assertThatThrownBy(keycloak::start)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot start Keycloak: Cannot run program")
                .hasMessageContaining("kc.sh");
    }

    @Test
    void aStopDuringTheBuildEndsTheBuildAndNoServerStarts() throws Exception {
        files.makeBuildsLast(120);
        keycloak = KeycloakDistribution.create(settings(Map.of()));
        CompletableFuture<Void> start = CompletableFuture.runAsync(keycloak::start);
        awaitCommand("build");

        keycloak.stop();

        assertThatThrownBy(() -> start.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped during its build");
        assertThat(commands("start")).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private void startAndStop(Map<String, String> environment) {
        keycloak = KeycloakDistribution.create(settings(environment));
        keycloak.start();
        keycloak.stop();
    }

    private KeycloakSettings settings(Map<String, String> environment) {
        return new KeycloakSettings(
                files.distDir(),
                files.providerJar(),
                files.realmFile(),
                DATABASE,
                0,
                0,
                null,
                environment,
                message -> {},
                root.resolve("logs"));
    }

    private List<String> commands(String command) throws Exception {
        return files.kcInvocations().stream().filter(line -> line.startsWith(command)).toList();
    }

    /** The fake build: kc.sh has become {@code sleep}. */
    private static ProcessHandle awaitSleepingBuild() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var sleeping =
                    ProcessHandle.current()
                            .descendants()
                            .filter(
                                    process ->
                                            process.info()
                                                    .commandLine()
                                                    .orElse("")
                                                    .endsWith("sleep 120"))
                            .findFirst();
            if (sleeping.isPresent()) {
                return sleeping.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no build is running");
    }

    private void awaitCommand(String command) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (commands(command).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(commands(command)).as("kc.sh " + command + " was run").isNotEmpty();
    }
}
