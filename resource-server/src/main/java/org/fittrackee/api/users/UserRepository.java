package org.fittrackee.api.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user of a token, created on the first call and kept in step with Keycloak: username, role
     * and suspension come from the token each time.
     */
    public User upsertFromToken(String subject, String username, Role role, boolean suspended) {
        return jdbc.sql(
                        """
                        INSERT INTO users AS u (subject, username, role, suspended_at)
                        VALUES (:subject, :username, :role,
                                CASE WHEN :suspended THEN now() ELSE NULL END)
                        ON CONFLICT (subject) DO UPDATE SET
                            username = EXCLUDED.username,
                            role = EXCLUDED.role,
                            suspended_at = CASE WHEN :suspended
                                THEN COALESCE(u.suspended_at, now()) ELSE NULL END
                        RETURNING u.*
                        """)
                .param("subject", subject)
                .param("username", username)
                .param("role", role.jsonName())
                .param("suspended", suspended)
                .query(UserRepository::toUser)
                .single();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT u.* FROM users u WHERE u.id = :id")
                .param("id", id)
                .query(UserRepository::toUser)
                .optional();
    }

    /** The user with that name, case-insensitively; the newest when Keycloak reused a name. */
    public Optional<User> findByUsername(String username) {
        return jdbc.sql(
                        """
                        SELECT u.* FROM users u WHERE lower(u.username) = lower(:username)
                        ORDER BY u.created_at DESC, u.id DESC LIMIT 1
                        """)
                .param("username", username)
                .query(UserRepository::toUser)
                .optional();
    }

    static User toUser(ResultSet row, int rowNumber) throws SQLException {
        return new User(
                row.getLong("id"),
                row.getString("subject"),
                row.getString("username"),
                row.getString("email"),
                Role.fromJsonName(row.getString("role")),
                row.getBoolean("is_active"),
                row.getObject("suspended_at", OffsetDateTime.class),
                row.getObject("created_at", OffsetDateTime.class),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getString("bio"),
                row.getString("location"),
                row.getObject("birth_date", LocalDate.class),
                new User.Preferences(
                        row.getString("timezone"),
                        row.getString("date_format"),
                        row.getBoolean("weekm"),
                        row.getString("language"),
                        row.getBoolean("imperial_units"),
                        row.getBoolean("display_ascent"),
                        row.getBoolean("start_elevation_at_zero"),
                        row.getBoolean("use_raw_gpx_speed"),
                        (Boolean) row.getObject("use_dark_mode"),
                        row.getBoolean("split_workout_charts"),
                        row.getBoolean("hide_profile_in_users_directory"),
                        row.getBoolean("manually_approves_followers"),
                        row.getString("workouts_visibility"),
                        row.getString("map_visibility"),
                        row.getString("analysis_visibility"),
                        row.getString("hr_visibility"),
                        row.getString("calories_visibility"),
                        row.getString("segments_creation_event"),
                        row.getString("missing_elevations_processing"),
                        row.getObject("accepted_privacy_policy", OffsetDateTime.class)));
    }
}
