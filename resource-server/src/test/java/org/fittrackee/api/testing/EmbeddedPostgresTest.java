package org.fittrackee.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The schema also migrates on the embedded PostgreSQL used where no server runs. */
class EmbeddedPostgresTest {

    @Test
    void theMigrationsRunOnAnEmbeddedPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            assertThat(jdbc.sql("SELECT count(*) FROM sports").query(Integer.class).single())
                    .isEqualTo(29);
            assertThat(jdbc.sql("SELECT count(*) FROM app_config").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }
}
