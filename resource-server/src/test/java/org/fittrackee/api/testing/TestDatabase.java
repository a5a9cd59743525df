package org.fittrackee.api.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL database for the tests: a fresh database on the local server when one answers
 * on 127.0.0.1:5432, else an embedded PostgreSQL started for the run (zonky).
 */
public final class TestDatabase {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    /** One database per test JVM, so that runs from several work trees never collide. */
    private static final String NAME = "fittrackee_api_test_" + ProcessHandle.current().pid();

    private static String url;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            url = localDatabase();
            if (url == null) {
                url = embeddedDatabase();
            }
        }
        return url;
    }

    private static String localDatabase() {
        try (Connection connection =
                        DriverManager.getConnection(
                                LOCAL_SERVER + "postgres", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + NAME);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropLocalDatabase));
            return LOCAL_SERVER + NAME;
        } catch (SQLException e) {
            return null;
        }
    }

    private static void dropLocalDatabase() {
        try (Connection connection =
                        DriverManager.getConnection(
                                LOCAL_SERVER + "postgres", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        } catch (SQLException e) {
            // The server went away first; a leftover test database harms nothing.
        }
    }

    private static String embeddedDatabase() {
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::closeEmbedded));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Neither a local nor an embedded PostgreSQL", e);
        }
    }

    private static void closeEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
