package org.fittrackee.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list and lookup queries each have an index to serve them: with sequential scans priced out of
 * reach, PostgreSQL's plan for each uses an index of the table, so none of them reads a whole table
 * as it grows.
 */
class QueryPlanTest extends ApiTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    static List<Map.Entry<String, String>> queries() {
        return List.of(
                Map.entry(
                        "SELECT * FROM workouts w WHERE w.user_id = 1"
                                + " ORDER BY w.workout_date DESC, w.id DESC LIMIT 5",
                        "workouts_user_date_idx"),
                Map.entry(
                        "SELECT * FROM workouts w WHERE w.user_id = 1 AND w.sport_id = 5"
                                + " AND w.workout_date >= now() - INTERVAL '1 year'",
                        "workouts_user_sport_date_idx"),
                Map.entry(
                        "SELECT * FROM workouts w WHERE w.uuid ="
                                + " '8f1c2d34-0000-4000-8000-000000000001'",
                        "workouts_uuid_key"),
                Map.entry(
                        "SELECT * FROM records r WHERE r.workout_id IN (1, 2, 3)",
                        "records_workout_id_idx"),
                Map.entry(
                        "SELECT * FROM records r WHERE r.user_id = 1 AND r.sport_id = 5",
                        "records_user_id_sport_id_record_type_key"),
                Map.entry(
                        "SELECT * FROM workout_segments s WHERE s.workout_id IN (1, 2)",
                        "workout_segments_pkey"),
                Map.entry(
                        "SELECT * FROM workout_files f WHERE f.workout_id = 1",
                        "workout_files_pkey"),
                Map.entry(
                        "SELECT * FROM user_sport_preferences p WHERE p.user_id = 1",
                        "user_sport_preferences_pkey"),
                Map.entry(
                        "SELECT * FROM users u WHERE lower(u.username) = 'someone'",
                        "users_username_idx"),
                Map.entry("SELECT * FROM users u WHERE u.subject = 'sub'", "users_subject_key"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void theQueryIsServedByItsIndex(Map.Entry<String, String> query) {
        String plan =
                transaction.execute(
                        status -> {
                            jdbc.sql("SET LOCAL enable_seqscan = off").update();
                            return String.join(
                                    "\n",
                                    jdbc.sql("EXPLAIN " + query.getKey())
                                            .query(String.class)
                                            .list());
                        });

        assertThat(plan).as(query.getKey()).contains(query.getValue()).doesNotContain("Seq Scan");
    }
}
