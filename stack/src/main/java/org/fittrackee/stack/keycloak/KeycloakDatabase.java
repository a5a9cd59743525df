package org.fittrackee.stack.keycloak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Where Keycloak keeps its data: a PostgreSQL database, kept or made anew at each start. */
public record KeycloakDatabase(
        String serverUrl, String name, String user, String password, boolean fresh) {

    /** Build options: the database kind is fixed when Keycloak is built. */
    public List<String> buildOptions() {
        return List.of("--db=postgres", "--health-enabled=true");
    }

    public List<String> runtimeOptions() {
        return List.of(
                "--db-url=" + serverUrl + name,
                "--db-username=" + user,
                "--db-password=" + password);
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
