package org.fittrackee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real embedded PostgreSQL: nobody gets in without its password, which only we can read. */
class EmbeddedDatabaseTest {

    @TempDir Path dataDir;

    private EmbeddedDatabase database;

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        database = EmbeddedDatabase.start(dataDir, dataDir.resolve("logs"));

        assertThatThrownBy(() -> connectWithoutPassword(database).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        try (Connection connection = connect(database, database.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        database = EmbeddedDatabase.start(dataDir, dataDir.resolve("logs"));

        assertThatThrownBy(() -> connect(database, "postgres").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void thePasswordIsKeptInAFileOnlyItsOwnerCanReadAndServesTheNextStart() throws Exception {
        database = EmbeddedDatabase.start(dataDir, dataDir.resolve("logs"));
        String first = database.password();
        database.close();

        database = EmbeddedDatabase.start(dataDir, dataDir.resolve("logs"));

        Path file = dataDir.resolve("postgres-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(database.password()).isEqualTo(first);
        assertThat(Files.readString(file).trim()).isEqualTo(first);
        try (Connection connection = connect(database, first)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierStackThatTrustedEveryoneGetsThePasswordAndKeepsItsData()
            throws Exception {
        // What the stack made before it had a password: zonky's own trust rules.
        try (EmbeddedPostgres earlier =
                        EmbeddedPostgres.builder()
                                .setDataDirectory(dataDir.resolve("postgres"))
                                .setCleanDataDirectory(false)
                                .setRegisterShutdownHook(false)
                                .start();
                Connection connection = earlier.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE keycloak");
        }

        database = EmbeddedDatabase.start(dataDir, dataDir.resolve("logs"));

        assertThatThrownBy(() -> connectWithoutPassword(database).close())
                .isInstanceOf(SQLException.class);
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
                .doesNotContainPattern("(?m)^\\s*(local|host)\\S*\\s.*\\strust\\s*$")
                .contains("scram-sha-256");
        try (Connection connection = connect(database, database.password());
                Statement statement = connection.createStatement();
                var keycloak =
                        statement.executeQuery(
                                "SELECT 1 FROM pg_database WHERE datname = 'keycloak'")) {
            assertThat(keycloak.next()).isTrue();
        }
    }

    @Test
    void aLostPasswordFileStopsTheStartWithOneLineSayingWhatToDo() throws Exception {
        EmbeddedDatabase.start(dataDir, dataDir.resolve("logs")).close();
        Files.delete(dataDir.resolve("postgres-password"));

        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, dataDir.resolve("logs")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "The embedded PostgreSQL in "
                                + dataDir.resolve("postgres")
                                + " requires a password, and its file "
                                + dataDir.resolve("postgres-password")
                                + " is missing: restore the file, or delete the postgres directory"
                                + " to start again with empty databases");
    }

    private static Connection connect(EmbeddedDatabase database, String password)
            throws SQLException {
        return DriverManager.getConnection(
                database.serverUrl() + "postgres", EmbeddedDatabase.USER, password);
    }

    private static Connection connectWithoutPassword(EmbeddedDatabase database)
            throws SQLException {
        Properties userOnly = new Properties();
        userOnly.setProperty("user", EmbeddedDatabase.USER);
        return DriverManager.getConnection(database.serverUrl() + "postgres", userOnly);
    }
}
