package org.fittrackee.api.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics queries: each request is one SQL statement that aggregates in PostgreSQL and reads
 * a user's workouts through the {@code (user_id, workout_date)} indexes.
 */
@Repository
public class StatsRepository {

    /**
     * A user's most recent workouts, at most the instance's {@code stats_workouts_limit} (0 means
     * no limit, and LIMIT NULL is none), with the moving time (the duration when none was recorded)
     * and the pace FitTrackee derives from the average speed, rounded to the second. The limit
     * counts the user's own workouts in both endpoints: FitTrackee's by_time counts the latest
     * workouts of all users, which hides a user's statistics once others have been active.
     */
    private static final String RECENT_WORKOUTS =
            """
            recent AS (
                SELECT w.sport_id, w.workout_date, w.distance, w.ascent, w.descent,
                       w.ave_speed, w.calories,
                       COALESCE(w.moving, w.duration) AS moving,
                       CASE WHEN w.ave_speed = 0 THEN 0 ELSE round(3600 / w.ave_speed) END
                           AS pace
                FROM workouts w
                WHERE w.user_id = :userId %s
                ORDER BY w.workout_date DESC, w.id DESC
                LIMIT (SELECT NULLIF(c.stats_workouts_limit, 0) FROM app_config c WHERE c.id = 1)
            )
            """;

    /**
     * The recent workouts per period (%1$s, a {@link StatsPeriod} label), summed or averaged by
     * %2$s, between the optional dates of %3$s, with what the user's display needs of each sport.
     */
    private static final String BY_PERIOD =
            """
            , buckets AS (
                SELECT %1$s AS period, sport_id, count(*) AS workouts,
                       %2$s(distance) AS distance, %2$s(moving) AS duration,
                       %2$s(ascent) AS ascent, %2$s(descent) AS descent,
                       avg(ave_speed) AS speed, avg(pace) AS pace, sum(calories) AS calories
                FROM (
                    SELECT *, workout_date AT TIME ZONE :timezone AS local_date FROM recent
                ) r
                WHERE TRUE %3$s
                GROUP BY period, sport_id
            )
            SELECT b.*, s.label,
                   COALESCE(p.pace_speed_display, s.pace_speed_display) AS pace_speed_display
            FROM buckets b
            JOIN sports s ON s.id = b.sport_id
            LEFT JOIN user_sport_preferences p ON p.user_id = :userId AND p.sport_id = b.sport_id
            ORDER BY b.period, b.sport_id
            """;

    /**
     * The recent workouts per sport, with the count of all the matching ones and whether the asked
     * sport exists (%1$s), on one row even when there are no workouts; %2$s filters the sport.
     */
    private static final String BY_SPORT =
            """
            , per_sport AS (
                SELECT sport_id, count(*) AS workouts,
                       sum(distance) AS total_distance, sum(moving) AS total_duration,
                       sum(ascent) AS total_ascent, sum(descent) AS total_descent,
                       sum(calories) AS total_calories,
                       avg(distance) AS average_distance, avg(moving) AS average_duration,
                       avg(ascent) AS average_ascent, avg(descent) AS average_descent,
                       avg(ave_speed) AS average_speed, avg(pace) AS average_pace
                FROM recent
                GROUP BY sport_id
            )
            SELECT counted.total, counted.sport_exists, ps.*, s.label,
                   COALESCE(p.pace_speed_display, s.pace_speed_display) AS pace_speed_display
            FROM (
                SELECT count(*) AS total, %1$s AS sport_exists
                FROM workouts w
                WHERE w.user_id = :userId %2$s
            ) counted
            LEFT JOIN per_sport ps ON TRUE
            LEFT JOIN sports s ON s.id = ps.sport_id
            LEFT JOIN user_sport_preferences p ON p.user_id = :userId AND p.sport_id = ps.sport_id
            ORDER BY ps.sport_id
            """;

    private final JdbcClient jdbc;

    public StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user's workouts per period and sport, oldest period first. */
    List<PeriodStatistics> byTime(
            long userId, ZoneId zone, StatsPeriod period, StatsType type, DateRange range) {
        String dateFilter =
                (range.start() == null ? "" : " AND workout_date >= :start")
                        + (range.end() == null ? "" : " AND workout_date < :end");
        String sql =
                "WITH "
                        + RECENT_WORKOUTS.formatted("")
                        + BY_PERIOD.formatted(period.labelSql(), type.aggregateSql(), dateFilter);

        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("userId", userId).param("timezone", zone.getId());
        if (range.start() != null) {
            statement = statement.param("start", range.start());
        }
        if (range.end() != null) {
            statement = statement.param("end", range.end());
        }
        return statement.query(StatsRepository::toPeriodStatistics).list();
    }

    /**
     * A user's workouts per sport, all sports or one. The count covers every matching workout, the
     * statistics only the most recent ones, as FitTrackee limits them.
     */
    SportsStatistics bySport(long userId, Integer sportId) {
        String sportFilter = sportId == null ? "" : "AND w.sport_id = :sportId";
        String sportExists =
                sportId == null ? "TRUE" : "EXISTS (SELECT 1 FROM sports WHERE id = :sportId)";
        String sql =
                "WITH "
                        + RECENT_WORKOUTS.formatted(sportFilter)
                        + BY_SPORT.formatted(sportExists, sportFilter);

        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("userId", userId);
        if (sportId != null) {
            statement = statement.param("sportId", sportId);
        }
        ResultSetExtractor<SportsStatistics> extractor = StatsRepository::toSportsStatistics;
        return statement.query(extractor);
    }

    /**
     * The instance's counts, for moderators.
     *
     * <p>NOTE: uploads_dir_size is the bytes of the stored GPX text only, because this server keeps
     * uploads in workout_files rather than in an upload folder; pictures or original files stored
     * elsewhere later would have to be added to this sum.
     */
    ApplicationStatistics application() {
        return jdbc.sql(
                        """
                        SELECT (SELECT count(*) FROM workouts) AS workouts,
                               (SELECT count(DISTINCT sport_id) FROM workouts) AS sports,
                               (SELECT count(*) FROM users WHERE is_active) AS users,
                               (SELECT COALESCE(sum(octet_length(gpx)), 0) FROM workout_files)
                                   AS uploads_dir_size
                        """)
                .query(
                        (row, number) ->
                                new ApplicationStatistics(
                                        row.getLong("workouts"),
                                        row.getLong("sports"),
                                        row.getLong("users"),
                                        row.getLong("uploads_dir_size")))
                .single();
    }

    /** The answer of {@link #bySport}: whether the asked sport exists, the count, the sports. */
    record SportsStatistics(
            boolean sportExists, long totalWorkouts, List<SportStatistics> sports) {}

    private static PeriodStatistics toPeriodStatistics(ResultSet row, int number)
            throws SQLException {
        return new PeriodStatistics(
                row.getString("period"),
                row.getInt("sport_id"),
                SportDisplay.of(row.getString("label"), row.getString("pace_speed_display")),
                row.getLong("workouts"),
                row.getDouble("distance"),
                row.getDouble("duration"),
                row.getObject("ascent", Double.class),
                row.getObject("descent", Double.class),
                row.getObject("speed", Double.class),
                row.getObject("pace", Double.class),
                row.getObject("calories", Long.class));
    }

    private static SportsStatistics toSportsStatistics(ResultSet rows) throws SQLException {
        boolean sportExists = true;
        long total = 0;
        List<SportStatistics> sports = new ArrayList<>();
        while (rows.next()) {
            sportExists = rows.getBoolean("sport_exists");
            total = rows.getLong("total");
            if (rows.getObject("sport_id") != null) {
                sports.add(toSportStatistics(rows));
            }
        }
        return new SportsStatistics(sportExists, total, sports);
    }

    private static SportStatistics toSportStatistics(ResultSet row) throws SQLException {
        return new SportStatistics(
                row.getInt("sport_id"),
                SportDisplay.of(row.getString("label"), row.getString("pace_speed_display")),
                row.getLong("workouts"),
                row.getDouble("total_distance"),
                row.getDouble("total_duration"),
                row.getObject("total_ascent", Double.class),
                row.getObject("total_descent", Double.class),
                row.getObject("total_calories", Long.class),
                row.getDouble("average_distance"),
                row.getDouble("average_duration"),
                row.getObject("average_ascent", Double.class),
                row.getObject("average_descent", Double.class),
                row.getObject("average_speed", Double.class),
                row.getObject("average_pace", Double.class));
    }
}
