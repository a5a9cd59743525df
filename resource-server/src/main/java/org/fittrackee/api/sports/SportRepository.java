package org.fittrackee.api.sports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sports} table, read with one user's preferences when there is a user. */
@Repository
public class SportRepository {

    private static final String SELECT_FOR_USER =
            """
            SELECT s.id, s.label, s.is_active,
                   s.is_active AND COALESCE(p.is_active, TRUE) AS is_active_for_user,
                   COALESCE(p.stopped_speed_threshold, s.stopped_speed_threshold)
                       AS stopped_speed_threshold,
                   p.color,
                   COALESCE(p.pace_speed_display, s.pace_speed_display) AS pace_speed_display
            FROM sports s
            LEFT JOIN user_sport_preferences p ON p.sport_id = s.id AND p.user_id = :userId
            """;

    private final JdbcClient jdbc;

    public SportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every sport, with the user's preferences when a user id is given (else null). */
    public List<Sport> findAll(Long userId) {
        return jdbc.sql(SELECT_FOR_USER + " ORDER BY s.id")
                .param("userId", userId)
                .query(SportRepository::toSport)
                .list();
    }

    public Optional<Sport> findById(int sportId, Long userId) {
        return jdbc.sql(SELECT_FOR_USER + " WHERE s.id = :sportId")
                .param("userId", userId)
                .param("sportId", sportId)
                .query(SportRepository::toSport)
                .optional();
    }

    /** The ids of the sports that have at least one workout, of any user. */
    public Set<Integer> sportIdsWithWorkouts() {
        return Set.copyOf(
                jdbc.sql("SELECT DISTINCT sport_id FROM workouts").query(Integer.class).list());
    }

    public void setActive(int sportId, boolean active) {
        jdbc.sql("UPDATE sports SET is_active = :active WHERE id = :id")
                .param("active", active)
                .param("id", sportId)
                .update();
    }

    private static Sport toSport(ResultSet row, int rowNumber) throws SQLException {
        return new Sport(
                row.getInt("id"),
                row.getString("label"),
                row.getBoolean("is_active"),
                row.getBoolean("is_active_for_user"),
                row.getDouble("stopped_speed_threshold"),
                row.getString("color"),
                row.getString("pace_speed_display"));
    }
}
