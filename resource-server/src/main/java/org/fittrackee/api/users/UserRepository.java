package org.fittrackee.api.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserRepository {

    private static final int MAX_USERNAME_LENGTH = 255;

    private static final String DIRECTORY_FILTER =
            """
            WHERE u.username ILIKE :pattern ESCAPE '\\'
              AND (:withInactive OR u.is_active)
              AND (:withSuspended OR u.suspended_at IS NULL)
              AND (:withHidden OR NOT u.hide_profile_in_users_directory)
            """;

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

    /**
     * The user with that name, case-insensitively; the newest when Keycloak reused a name. A name
     * Keycloak cannot give (longer than the column, or with a NUL, which PostgreSQL refuses in
     * text) finds nobody without a query.
     */
    public Optional<User> findByUsername(String username) {
        if (username.length() > MAX_USERNAME_LENGTH || username.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return jdbc.sql(
                        """
                        SELECT u.* FROM users u WHERE lower(u.username) = lower(:username)
                        ORDER BY u.created_at DESC, u.id DESC LIMIT 1
                        """)
                .param("username", username)
                .query(UserRepository::toUser)
                .optional();
    }

    /** One page of the users directory, each user with their number of workouts. */
    public List<ListedUser> directoryPage(UserDirectoryQuery query) {
        String direction = query.ascending() ? "ASC" : "DESC";
        String order = query.orderBy().sql() + " " + direction;
        if (query.orderBy() != UserDirectoryQuery.OrderBy.USERNAME) {
            order += ", u.username ASC";
        }
        String sql =
                "SELECT u.*, (SELECT count(*) FROM workouts w WHERE w.user_id = u.id)"
                        + " AS nb_workouts FROM users u "
                        + DIRECTORY_FILTER
                        + " ORDER BY "
                        + order
                        + ", u.id ASC LIMIT :limit OFFSET :offset";
        return directoryStatement(sql, query)
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query(
                        (row, number) ->
                                new ListedUser(toUser(row, number), row.getLong("nb_workouts")))
                .list();
    }

    /** How many users the directory query finds over all pages. */
    public long directoryCount(UserDirectoryQuery query) {
        return directoryStatement("SELECT count(*) FROM users u " + DIRECTORY_FILTER, query)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec directoryStatement(String sql, UserDirectoryQuery query) {
        return jdbc.sql(sql)
                .param("pattern", query.likePattern())
                .param("withInactive", query.withInactive())
                .param("withSuspended", query.withSuspended())
                .param("withHidden", query.withHidden());
    }

    public long workoutCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM workouts WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /** The user's workout count, sports and totals, in one query. */
    public UserStats statsOf(long userId) {
        return jdbc.sql(
                        """
                        SELECT count(*) AS nb_workouts,
                               COALESCE(sum(distance), 0) AS total_distance,
                               COALESCE(sum(ascent), 0) AS total_ascent,
                               COALESCE(sum(moving), 0) AS total_moving,
                               COALESCE(array_agg(DISTINCT sport_id ORDER BY sport_id), '{}')
                                   AS sport_ids
                        FROM workouts WHERE user_id = :userId
                        """)
                .param("userId", userId)
                .query(
                        (row, number) ->
                                new UserStats(
                                        row.getLong("nb_workouts"),
                                        Arrays.asList(
                                                (Integer[]) row.getArray("sport_ids").getArray()),
                                        row.getDouble("total_distance"),
                                        row.getDouble("total_ascent"),
                                        row.getDouble("total_moving")))
                .single();
    }

    public void setActive(long userId, boolean active) {
        jdbc.sql("UPDATE users SET is_active = :active WHERE id = :id")
                .param("active", active)
                .param("id", userId)
                .update();
    }

    /**
     * The users with admin rights (admins and owners), locked until the transaction ends so that
     * two admins deleting themselves at once cannot both be "not the last one".
     */
    public List<Long> lockAdmins() {
        return jdbc.sql(
                        """
                        SELECT id FROM users WHERE role IN ('admin', 'owner')
                        ORDER BY id FOR UPDATE
                        """)
                .query(Long.class)
                .list();
    }

    /** Deletes the user; their workouts, records and preferences go with them (ON DELETE). */
    public void delete(long userId) {
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", userId).update();
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
