package org.fittrackee.api.profile;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_sport_preferences} table, and the sports it refers to. */
@Repository
class SportPreferenceRepository {

    private final JdbcClient jdbc;

    SportPreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SportPreference.Sport> findSport(int sportId) {
        return jdbc.sql("SELECT id, label, stopped_speed_threshold FROM sports WHERE id = :id")
                .param("id", sportId)
                .query(
                        (row, number) ->
                                new SportPreference.Sport(
                                        row.getInt("id"),
                                        row.getString("label"),
                                        row.getDouble("stopped_speed_threshold")))
                .optional();
    }

    /** The user's preference for the sport, locked until the transaction ends. */
    Optional<SportPreference> findForUpdate(long userId, int sportId) {
        return jdbc.sql(
                        """
                        SELECT * FROM user_sport_preferences
                        WHERE user_id = :userId AND sport_id = :sportId FOR UPDATE
                        """)
                .param("userId", userId)
                .param("sportId", sportId)
                .query(
                        (row, number) ->
                                new SportPreference(
                                        row.getLong("user_id"),
                                        row.getInt("sport_id"),
                                        row.getString("color"),
                                        row.getBoolean("is_active"),
                                        row.getDouble("stopped_speed_threshold"),
                                        row.getString("pace_speed_display")))
                .optional();
    }

    void save(SportPreference preference) {
        jdbc.sql(
                        """
                        INSERT INTO user_sport_preferences (user_id, sport_id, color, is_active,
                            stopped_speed_threshold, pace_speed_display)
                        VALUES (:userId, :sportId, :color, :isActive, :threshold, :paceSpeed)
                        ON CONFLICT (user_id, sport_id) DO UPDATE SET
                            color = EXCLUDED.color,
                            is_active = EXCLUDED.is_active,
                            stopped_speed_threshold = EXCLUDED.stopped_speed_threshold,
                            pace_speed_display = EXCLUDED.pace_speed_display
                        """)
                .param("userId", preference.userId())
                .param("sportId", preference.sportId())
                .param("color", preference.color())
                .param("isActive", preference.isActive())
                .param("threshold", preference.stoppedSpeedThreshold())
                .param("paceSpeed", preference.paceSpeedDisplay())
                .update();
    }

    void delete(long userId, int sportId) {
        jdbc.sql(
                        "DELETE FROM user_sport_preferences WHERE user_id = :userId AND sport_id ="
                                + " :sportId")
                .param("userId", userId)
                .param("sportId", sportId)
                .update();
    }
}
