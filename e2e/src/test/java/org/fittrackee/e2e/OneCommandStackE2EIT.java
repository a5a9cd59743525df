package org.fittrackee.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        // Without a browser the end-to-end tests are skipped, these with them.
        if (!ChromiumBrowser.isInstalled()) {
            return;
        }
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
        ChromiumBrowser.assumeInstalled();
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
        ChromiumBrowser.assumeInstalled();
        List<InetAddress> others = nonLoopbackAddresses();
        assumeTrue(!others.isEmpty(), "this machine has no address but the loopback ones");

        for (int port : stack.ports().values()) {
            assertThat(listensOn(InetAddress.getByName("127.0.0.1"), port))
                    .as("something listens on 127.0.0.1:" + port)
                    .isTrue();
            for (InetAddress address : others) {
                assertThat(listensOn(address, port))
                        .as("something listens on " + address + ":" + port)
                        .isFalse();
            }
        }
    }

    @Test
    @Order(3)
    void theResourceServerKeepsItsDataInThePostgresOfFittrackeeDatabaseUrl() throws Exception {
        ChromiumBrowser.assumeInstalled();

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
    @Order(4)
    void ctrlCStopsEveryProcessAndFreesEveryPort() throws Exception {
        ChromiumBrowser.assumeInstalled();

        ProductStack.Stopped stopped = stack.stopLikeCtrlC();

        assertThat(stopped.processesLeft()).as("processes left by Ctrl-C").isEmpty();
        assertThat(stopped.busyPorts()).as("ports still in use after Ctrl-C").isEmpty();
        assertThat(stack.command().output()).contains("[fittrackee] Stopped");
    }

    @Test
    @Order(5)
    void aSecondStartBuildsNothingAndAWrongAdminPasswordEndsItWithOneLineAndNothingLeft()
            throws Exception {
        ChromiumBrowser.assumeInstalled();
        List<String> jarsBefore = builtJars();
        FileTime providerJarWritten = Files.getLastModifiedTime(jar("keycloak.provider.jar"));
        Map<String, String> wrongPassword = new HashMap<>(settings);
        wrongPassword.put("FITTRACKEE_ADMIN_PASSWORD", "not-the-admins-password");

        StackCommand again =
                StackCommand.launch(
                        stack.command().dataDir(),
                        ProductStack.environment(stack.ports(), wrongPassword));
        int exitCode = again.awaitExit(Duration.ofMinutes(5));

        List<String> output = again.output();
        assertThat(exitCode).isNotZero();
        assertThat(output.stream().filter(line -> line.contains("[fittrackee] error:")))
                .containsExactly(
                        "[fittrackee] error: Keycloak refused the admin's password (Invalid user"
                                + " credentials)"
                                + " when the stack checked the demo user: set"
                                + " FITTRACKEE_ADMIN_PASSWORD to the admin's current password (it"
                                + " is used when Keycloak's data is new only)");
        assertThat(output).anyMatch(line -> line.startsWith("[fittrackee] Keycloak is ready"));
        assertThat(output).noneMatch(line -> line.contains("Building Keycloak"));
        assertThat(output).noneMatch(line -> line.contains("Exception"));
        assertThat(builtJars()).as("the jars the stack runs").isEqualTo(jarsBefore);
        assertThat(Files.getLastModifiedTime(jar("keycloak.provider.jar")))
                .as("the provider jar was not written again")
                .isEqualTo(providerJarWritten);
        assertThat(again.processesLeft()).as("processes left by the failed start").isEmpty();
        assertThat(StackCommand.busy(stack.ports().values())).isEmpty();
    }

    /** Whether something listens there: binding fails then. No packet is sent. */
    private static boolean listensOn(InetAddress address, int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(address, port));
            return false;
        } catch (BindException e) {
            return true;
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
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
