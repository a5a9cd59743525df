package org.fittrackee.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.fittrackee.keycloak.scopes.FittrackeeScopes;
import org.fittrackee.keycloak.testing.TestKeycloak;
import org.fittrackee.stack.keycloak.KeycloakDatabase;
import org.fittrackee.stack.keycloak.KeycloakDistribution;
import org.junit.jupiter.api.Test;

/** The realm file also imports with {@code kc.sh import}, the server stopped. */
class RealmCliImportIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE =
            "fittrackee_keycloak_import_it_" + ProcessHandle.current().pid();

    @Test
    void kcShImportCreatesTheRealmWithOneOfEachScope() throws Exception {
        KeycloakDistribution keycloak = TestKeycloak.shared().distribution();

        KeycloakDatabase database =
                new KeycloakDatabase(SERVER, DATABASE, "postgres", "postgres", true);
        keycloak.importRealmWithCli(database);

        List<String> scopes;
        try {
            scopes = clientScopeNamesOfTheImportedRealm();
        } finally {
            database.drop();
        }
        assertThat(scopes).containsAll(FittrackeeScopes.ALL);
        assertThat(scopes).contains("fittrackee-api-audience", "basic");
        assertThat(scopes).filteredOn("offline_access"::equals).hasSize(1);
        assertThat(scopes).doesNotHaveDuplicates();
    }

    private static List<String> clientScopeNamesOfTheImportedRealm() throws Exception {
        String query =
                "SELECT s.name FROM client_scope s JOIN realm r ON r.id = s.realm_id"
                        + " WHERE r.name = 'fittrackee'";
        List<String> names = new ArrayList<>();
        try (Connection connection =
                        DriverManager.getConnection(SERVER + DATABASE, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
