package org.fittrackee.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL server run from Maven Central's binaries (zonky), its data kept between starts in
 * the stack's data directory, so that nobody needs PostgreSQL installed to try the product. It
 * always holds Keycloak's database, and the resource server's unless FITTRACKEE_DATABASE_URL names
 * another PostgreSQL.
 *
 * <p>Its superuser has a password of its own (see {@link DatabasePassword}), required on every
 * connection: zonky's initdb trusts every connection from this machine, which would let any user of
 * it in as superuser.
 *
 * <p>NOTE: zonky publishes these binaries for amd64 only in the version used here (no linux or
 * darwin arm64 artifact resolves from Maven Central), so the stack runs on x86-64 Linux and macOS
 * only; a zonky release with arm64 binaries would lift it (docs/limitations.md).
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";

    /** A pg_hba.conf rule that lets a connection in without a password. */
    private static final Pattern TRUST_RULE =
            Pattern.compile(
                    "^(\\s*(?:local|host|hostssl|hostnossl|hostgssenc|hostnogssenc)\\s.*\\s)"
                            + "trust(\\s*(?:#.*)?)$");

    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, String password) {
        this.postgres = postgres;
        this.directory = directory;
        this.password = password;
    }

    /** Starts the server on {@code <dataDir>/postgres}, its output in the log directory. */
    static EmbeddedDatabase start(Path dataDir, Path logDir) {
        Path directory = dataDir.resolve("postgres");
        String password = DatabasePassword.of(dataDir, requiresPassword(directory));
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(directory);
            Path log = Files.createDirectories(logDir).resolve("postgresql.log");
            postgres =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(directory)
                            .setCleanDataDirectory(false)
                            .setRegisterShutdownHook(false)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setConnectConfig("password", password)
                            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start();
        } catch (IOException | IllegalStateException e) {
            throw new StackException(
                    "The embedded PostgreSQL did not start ("
                            + StackException.firstLine(e.getMessage())
                            + "): it needs Linux or macOS on x86-64 and, as root, the unshare"
                            + " command with user namespaces; a PostgreSQL still running on "
                            + directory
                            + " must be stopped first",
                    e);
        }

        EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory, password);
        try {
            database.requirePassword();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** The server's URL without a database name, e.g. {@code jdbc:postgresql://localhost:5433/}. */
    String serverUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
    }

    /** The superuser's password, for Keycloak and the resource server. */
    String password() {
        return password;
    }

    /** The server's main process, while its pid file names one that runs. */
    Optional<ProcessHandle> serverProcess() {
        try {
            List<String> pidFile = Files.readAllLines(directory.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(pidFile.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StackException("The embedded PostgreSQL did not stop: " + e.getMessage(), e);
        }
    }

    /** Whether the data directory exists and lets no connection in without a password. */
    private static boolean requiresPassword(Path directory) {
        Path rules = directory.resolve("pg_hba.conf");
        try {
            return Files.exists(rules)
                    && Files.readAllLines(rules).stream()
                            .noneMatch(line -> TRUST_RULE.matcher(line).matches());
        } catch (IOException e) {
            throw new StackException("Cannot read " + rules + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the superuser its password and makes every rule require it, on a data directory that
     * zonky has just made or that an earlier stack made without a password.
     *
     * <p>NOTE: on that one start, the server trusts connections from this machine from its start
     * until the reload below, about a second, because zonky runs initdb with {@code -A trust} and
     * has no option to change it. Our own initdb with {@code --pwfile} would lift it.
     */
    private void requirePassword() {
        if (requiresPassword(directory)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // Hashed here: the password itself never reaches the server, nor its log.
            connection
                    .unwrap(PGConnection.class)
                    .alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            requirePasswordInRules();
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new StackException(
                    "Cannot set the embedded PostgreSQL's password: " + e.getMessage(), e);
        }
        awaitPasswordRequired();
    }

    private void requirePasswordInRules() {
        Path rules = directory.resolve("pg_hba.conf");
        try {
            List<String> lines =
                    Files.readAllLines(rules).stream()
                            .map(EmbeddedDatabase::withPasswordRequired)
                            .toList();
            Files.write(rules, lines);
        } catch (IOException e) {
            throw new StackException("Cannot write " + rules + ": " + e.getMessage(), e);
        }
    }

    private static String withPasswordRequired(String line) {
        Matcher rule = TRUST_RULE.matcher(line);
        return rule.matches() ? rule.group(1) + "scram-sha-256" + rule.group(2) : line;
    }

    /** The server reloads its rules after answering; waits until it refuses a bare connection. */
    private void awaitPasswordRequired() {
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Properties withoutPassword = new Properties();
            withoutPassword.setProperty("user", USER);
            try (Connection bare =
                    DriverManager.getConnection(serverUrl() + "postgres", withoutPassword)) {
                sleep();
            } catch (SQLException refused) {
                return;
            }
        }
        throw new StackException(
                "The embedded PostgreSQL still lets connections in without a password after "
                        + RELOAD_TIMEOUT
                        + ": check "
                        + directory.resolve("pg_hba.conf"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}
