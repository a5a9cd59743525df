package org.fittrackee.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server run from Maven Central's binaries (zonky), its data kept between starts in
 * the stack's data directory, so that nobody needs PostgreSQL installed to try the product. It
 * always holds Keycloak's database, and the resource server's unless FITTRACKEE_DATABASE_URL names
 * another PostgreSQL.
 *
 * <p>NOTE: zonky publishes these binaries for amd64 only in the version used here (no linux or
 * darwin arm64 artifact resolves from Maven Central), so the stack runs on x86-64 Linux and macOS
 * only; a zonky release with arm64 binaries would lift it (docs/limitations.md).
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir) {
        try {
            Path directory = Files.createDirectories(dataDir.resolve("postgres"));
            EmbeddedPostgres postgres =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(directory)
                            .setCleanDataDirectory(false)
                            .setRegisterShutdownHook(false)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                            .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException | IllegalStateException e) {
            throw new StackException(
                    "The embedded PostgreSQL did not start ("
                            + firstLine(e.getMessage())
                            + "): it needs Linux or macOS on x86-64 and, as root, the unshare"
                            + " command with user namespaces; a PostgreSQL still running on "
                            + dataDir.resolve("postgres")
                            + " must be stopped first",
                    e);
        }
    }

    /** The server's URL without a database name, e.g. {@code jdbc:postgresql://localhost:5433/}. */
    String serverUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
    }

    void createDatabaseIfMissing(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                var existing =
                        statement.executeQuery(
                                "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!existing.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new StackException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StackException("The embedded PostgreSQL did not stop: " + e.getMessage(), e);
        }
    }
}
