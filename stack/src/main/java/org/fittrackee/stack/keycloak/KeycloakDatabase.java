package org.fittrackee.stack.keycloak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Where Keycloak keeps its data: a PostgreSQL database, kept or made anew at each start. */
public record KeycloakDatabase(
        String serverUrl, String name, String user, String password, boolean fresh) {

    /** Build options: the database kind is fixed when Keycloak is built. */
    public List<String> buildOptions() {
        return List.of("--db=postgres");
    }

    /** Start options; the password goes in {@link #environment()}, out of every command line. */
    public List<String> runtimeOptions() {
        return List.of("--db-url=" + serverUrl + name, "--db-username=" + user);
    }

    /**
     * What Keycloak reads the password from: its environment, which only the same user and root can
     * read, where a command line is shown to every user of the machine by {@code ps}.
     */
    public Map<String, String> environment() {
        return Map.of("KC_DB_PASSWORD", password);
    }

    /** Creates the database when missing; drops it first when it must start fresh. */
    public void prepare() {
        try (Connection connection =
                        DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            if (fresh) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            boolean exists;
            try (var result =
                    statement.executeQuery(
                            "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = result.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Drops the database, for data that must not outlive a run (the tests'). */
    public void drop() {
        try (Connection connection =
                        DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException(
                "Cannot reach PostgreSQL at "
                        + serverUrl
                        + " as "
                        + user
                        + " ("
                        + e.getMessage()
                        + ")",
                e);
    }
}
