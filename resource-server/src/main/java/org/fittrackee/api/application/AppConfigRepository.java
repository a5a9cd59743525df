package org.fittrackee.api.application;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The single row of {@code app_config}. */
@Repository
public class AppConfigRepository {

    private final JdbcClient jdbc;

    public AppConfigRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AppConfig load() {
        return jdbc.sql("SELECT * FROM app_config WHERE id = 1")
                .query(
                        (row, number) ->
                                new AppConfig(
                                        row.getInt("max_users"),
                                        row.getInt("max_single_file_size"),
                                        row.getInt("max_zip_file_size"),
                                        row.getInt("file_limit_import"),
                                        row.getInt("file_sync_limit_import"),
                                        row.getInt("stats_workouts_limit"),
                                        row.getInt("global_map_workouts_limit"),
                                        row.getString("admin_contact"),
                                        row.getString("about"),
                                        row.getString("privacy_policy"),
                                        row.getObject("privacy_policy_date", OffsetDateTime.class)))
                .single();
    }

    /** Sets the given columns (already validated names) in one statement. */
    public void update(Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("UPDATE app_config SET ");
        String separator = "";
        for (String column : columns.keySet()) {
            sql.append(separator).append(column).append(" = :").append(column);
            separator = ", ";
        }
        sql.append(" WHERE id = 1");

        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            statement = statement.param(column.getKey(), column.getValue());
        }
        statement.update();
    }
}
