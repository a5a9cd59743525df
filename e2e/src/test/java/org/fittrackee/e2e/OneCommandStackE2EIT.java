package org.fittrackee.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's command as a person runs it, from start to Ctrl-C and a second start: what it
 * prints, where it listens, where the resource server's data goes with FITTRACKEE_DATABASE_URL,
 * that Ctrl-C leaves nothing running, and that a second start builds nothing and ends with one line
 * when a setting is wrong. The tests follow the stack's life, hence their order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneCommandStackE2EIT {

    private static final String DATABASE = "fittrackee_e2e_" + ProcessHandle.current().pid();
    private static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private static ProductStack stack;
    private static Map<String, String> settings;

    @BeforeAll
    static void startTheStackOnTheLocalPostgres() throws Exception {
        assumeTrue(StackCommand.canRun(), "these tests need setsid and Linux's /proc");
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        execute("CREATE DATABASE " + DATABASE);
        settings =
                Map.of(
                        "FITTRACKEE_DATABASE_URL", LOCAL_POSTGRES + DATABASE,
                        "FITTRACKEE_DATABASE_USERNAME", "postgres",
                        "FITTRACKEE_DATABASE_PASSWORD", "postgres");
        stack = ProductStack.start("one-command", settings);
    }

    @AfterAll
    static void dropTheDatabase() throws Exception {
        if (stack != null) {
            stack.command().killWhatIsLeft();
            execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    @Order(1)
    void itPrintsItsProgressTheBaseUrlTheAdminLoginAndTheDemoUser() {
        String base = stack.publicUrl();

        assertThat(stack.command().output())
                .containsSubsequence(
                        "[fittrackee] Checking FITTRACKEE_DATABASE_URL",
                        "[fittrackee] Starting the embedded PostgreSQL (data in "
                                + stack.command().dataDir()
                                + ")",
                        "[fittrackee] Making sure the demo user exists",
                        "[fittrackee] Starting the gateway on " + base,
                        "FitTrackee is ready on " + base,
                        "  Admin console: "
                                + base
                                + "/admin (user admin, password admin: for this machine only)",
                        "  Demo user of the fittrackee realm: demo / demo (account console: "
                                + base
                                + "/realms/fittrackee/account)",
                        "Press Ctrl-C to stop everything.");
    }

    @Test
    @Order(2)
    void nothingListensOffTheLoopbackInterface() throws Exception {
        List<StackCommand.ListeningSocket> sockets = stack.command().listeningSockets();

        // The four ports of the settings are among them: the listing sees the stack's sockets.
        assertThat(sockets)
                .extracting(StackCommand.ListeningSocket::port)
                .containsAll(stack.ports().values());
        assertThat(sockets)
                .as("every TCP socket the stack's processes listen on")
                .allSatisfy(
                        socket ->
                                assertThat(socket.address().isLoopbackAddress())
                                        .as(socket + " is on the loopback interface")
                                        .isTrue());
    }

    @Test
    @Order(3)
    void theEmbeddedPostgresRequiresItsPasswordWhichNoCommandLineShows() throws Exception {
        Path passwordFile = stack.command().dataDir().resolve("postgres-password");
        String password = Files.readString(passwordFile).trim();
        int port = embeddedPostgresPort();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
        assertThatThrownBy(
                        () ->
                                DriverManager.getConnection(
                                                "jdbc:postgresql://127.0.0.1:" + port + "/keycloak",
                                                userWithoutPassword())
                                        .close())
                .isInstanceOf(SQLException.class);
        try (Connection keycloak =
                DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/keycloak",
                        "postgres",
                        password)) {
            assertThat(keycloak.isValid(5)).isTrue();
        }
        assertThat(stack.command().commandLines())
                .as("the command lines of the stack's processes")
                .isNotEmpty()
                .noneMatch(line -> line.contains(password));
    }

    @Test
    @Order(4)
    void theResourceServerKeepsItsDataInThePostgresOfFittrackeeDatabaseUrl() throws Exception {

        try (Connection connection =
                        DriverManager.getConnection(
                                LOCAL_POSTGRES + DATABASE, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet migrations =
                        statement.executeQuery(
                                "SELECT count(*) FROM flyway_schema_history WHERE success")) {
            migrations.next();
            assertThat(migrations.getInt(1)).isPositive();
        }
    }

    @Test
    @Order(5)
    void ctrlCStopsEveryProcessAndFreesEveryPort() throws Exception {

        ProductStack.Stopped stopped = stack.stopLikeCtrlC();

        assertThat(stopped.processesLeft()).as("processes left by Ctrl-C").isEmpty();
        assertThat(stopped.busyPorts()).as("ports still in use after Ctrl-C").isEmpty();
        assertThat(stack.command().output()).contains("[fittrackee] Stopped");
    }

    @Test
    @Order(6)
    void aSecondStartBuildsNothingAndAWrongAdminPasswordEndsItWithOneLineAndNothingLeft()
            throws Exception {
        List<String> jarsBefore = builtJars();
        FileTime providerJarWritten = Files.getLastModifiedTime(jar("keycloak.provider.jar"));
        Map<String, String> wrongPassword = new HashMap<>(settings);
        wrongPassword.put("FITTRACKEE_ADMIN_PASSWORD", "not-the-admins-password");

        StackCommand again =
                StackCommand.launch(
                        stack.command().dataDir(),
                        ProductStack.environment(stack.ports(), wrongPassword));
        try {
            int exitCode = again.awaitExit(Duration.ofMinutes(5));

            List<String> output = again.output();
            assertThat(exitCode).isNotZero();
            assertThat(output.stream().filter(line -> line.contains("[fittrackee] error:")))
                    .containsExactly(
                            "[fittrackee] error: Keycloak refused the admin's password (Invalid"
                                    + " user credentials) when the stack checked the demo user:"
                                    + " set FITTRACKEE_ADMIN_PASSWORD to the admin's current"
                                    + " password (it is used when Keycloak's data is new only)");
            assertThat(output).anyMatch(line -> line.startsWith("[fittrackee] Keycloak is ready"));
            assertThat(output).noneMatch(line -> line.contains("Building Keycloak"));
            assertThat(output).noneMatch(line -> line.contains("Exception"));
            assertThat(builtJars()).as("the jars the stack runs").isEqualTo(jarsBefore);
            assertThat(Files.getLastModifiedTime(jar("keycloak.provider.jar")))
                    .as("the provider jar was not written again")
                    .isEqualTo(providerJarWritten);
            assertThat(again.processesLeft()).as("processes left by the failed start").isEmpty();
            again.assertClassPathUnchanged();
            assertThat(StackCommand.busy(stack.ports().values())).isEmpty();
        } finally {
            // Only a failed assertion leaves something to kill.
            again.killWhatIsLeft();
        }
    }

    /** The embedded PostgreSQL's port, from the fourth line of its pid file. */
    private static int embeddedPostgresPort() throws IOException {
        Path pidFile = stack.command().dataDir().resolve("postgres/postmaster.pid");
        return Integer.parseInt(Files.readAllLines(pidFile).get(3).trim());
    }

    private static Properties userWithoutPassword() {
        Properties user = new Properties();
        user.setProperty("user", "postgres");
        return user;
    }

    /**
     * The SHA-256 of each jar the stack runs. (Maven packs the two Spring Boot jars again at every
     * build, byte for byte the same, so their file times say nothing.)
     */
    private static List<String> builtJars() throws Exception {
        List<String> digests = new ArrayList<>();
        for (String property :
                List.of("keycloak.provider.jar", "fittrackee.api.jar", "fittrackee.gateway.jar")) {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar(property)));
            digests.add(HexFormat.of().formatHex(digest));
        }
        return digests;
    }

    private static Path jar(String property) {
        Path project = Path.of(StackCommand.requiredProperty("fittrackee.project.dir"));
        return project.resolve(StackCommand.requiredProperty(property));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(
                                LOCAL_POSTGRES + "postgres", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
