package org.fittrackee.keycloak.testing;

import java.util.Map;
import org.fittrackee.stack.keycloak.KeycloakDatabase;
import org.fittrackee.stack.keycloak.KeycloakDistribution;
import org.fittrackee.stack.keycloak.KeycloakSettings;

/**
 * The Keycloak distribution the integration tests share: started on first use on free ports, over a
 * PostgreSQL database made anew for the run, and stopped with the test JVM.
 */
public final class TestKeycloak implements KeycloakEndpoint {

    /** One database per test JVM, so that runs from several work trees never collide. */
    static final String DATABASE = "fittrackee_keycloak_it_" + ProcessHandle.current().pid();

    private static TestKeycloak shared;

    private final KeycloakDistribution distribution;

    private TestKeycloak(KeycloakDistribution distribution) {
        this.distribution = distribution;
    }

    public static synchronized TestKeycloak shared() {
        if (shared == null) {
            KeycloakSettings settings = settings();
            KeycloakDistribution distribution = KeycloakDistribution.create(settings);
            distribution.start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        distribution.stop();
                                        settings.database().drop();
                                    },
                                    "keycloak-stop"));
            shared = new TestKeycloak(distribution);
        }
        return shared;
    }

    private static KeycloakSettings settings() {
        String server =
                System.getProperty(
                        "keycloak.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
        return new KeycloakSettings(
                KeycloakSettings.requiredPath("keycloak.dist.dir"),
                KeycloakSettings.requiredPath("keycloak.provider.jar"),
                KeycloakSettings.requiredPath("keycloak.realm.file"),
                new KeycloakDatabase(server, DATABASE, "postgres", "postgres", true),
                0,
                0,
                null,
                Map.of(),
                message -> {});
    }

    public KeycloakDistribution distribution() {
        return distribution;
    }

    @Override
    public String baseUrl() {
        return distribution.baseUrl();
    }

    @Override
    public String adminUsername() {
        return distribution.adminUsername();
    }

    @Override
    public String adminPassword() {
        return distribution.adminPassword();
    }
}
