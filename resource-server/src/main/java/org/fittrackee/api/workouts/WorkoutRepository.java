package org.fittrackee.api.workouts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fittrackee.api.workouts.gpx.Bounds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code workouts} table and the queries of the workouts list. */
@Repository
public class WorkoutRepository {

    private static final String SELECT =
            """
            SELECT w.*, EXISTS (SELECT 1 FROM workout_files f WHERE f.workout_id = w.id)
                AS with_file
            FROM workouts w
            """;

    /**
     * The columns a client may order by, and the SQL each stands for. As in FitTrackee, a workout's
     * "duration" in the list's order and filters is its moving time.
     */
    private static final Map<String, String> ORDER_COLUMNS =
            Map.of(
                    "workout_date", "w.workout_date",
                    "distance", "w.distance",
                    "duration", "w.moving",
                    "ave_speed", "w.ave_speed");

    private final JdbcClient jdbc;

    public WorkoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Workout insert(long userId, WorkoutValues values) {
        long id =
                jdbc.sql(
                                """
                                INSERT INTO workouts (uuid, user_id, sport_id, title, notes,
                                    description, workout_date, duration, moving, pauses, distance,
                                    min_alt, max_alt, ascent, descent, max_speed, ave_speed,
                                    bounds, calories, ave_hr, max_hr, ave_cadence,
                                    max_cadence, ave_power, max_power, workout_visibility,
                                    map_visibility, analysis_visibility)
                                VALUES (:uuid, :userId, :sportId, :title, :notes, :description,
                                    :workoutDate, :duration, :moving, :pauses, :distance, :minAlt,
                                    :maxAlt, :ascent, :descent, :maxSpeed, :aveSpeed,
                                    CAST(:bounds AS DOUBLE PRECISION[]), :calories, :aveHr,
                                    :maxHr, :aveCadence, :maxCadence, :avePower, :maxPower,
                                    :workoutVisibility, :mapVisibility, :analysisVisibility)
                                RETURNING id
                                """)
                        .param("uuid", UUID.randomUUID())
                        .param("userId", userId)
                        .params(valuesOf(values))
                        .query(Long.class)
                        .single();
        return findById(id).orElseThrow();
    }

    public void update(long workoutId, WorkoutValues values) {
        jdbc.sql(
                        """
                        UPDATE workouts SET sport_id = :sportId, title = :title, notes = :notes,
                            description = :description, workout_date = :workoutDate,
                            duration = :duration, moving = :moving, pauses = :pauses,
                            distance = :distance, min_alt = :minAlt, max_alt = :maxAlt,
                            ascent = :ascent, descent = :descent, max_speed = :maxSpeed,
                            ave_speed = :aveSpeed, bounds = CAST(:bounds AS DOUBLE PRECISION[]),
                            calories = :calories, ave_hr = :aveHr, max_hr = :maxHr,
                            ave_cadence = :aveCadence, max_cadence = :maxCadence,
                            ave_power = :avePower, max_power = :maxPower,
                            workout_visibility = :workoutVisibility,
                            map_visibility = :mapVisibility,
                            analysis_visibility = :analysisVisibility,
                            modification_date = now()
                        WHERE id = :id
                        """)
                .param("id", workoutId)
                .params(valuesOf(values))
                .update();
    }

    public void delete(long workoutId) {
        jdbc.sql("DELETE FROM workouts WHERE id = :id").param("id", workoutId).update();
    }

    public Optional<Workout> findById(long id) {
        return jdbc.sql(SELECT + " WHERE w.id = :id")
                .param("id", id)
                .query(WorkoutRepository::toWorkout)
                .optional();
    }

    public Optional<Workout> findByUuid(UUID uuid) {
        return jdbc.sql(SELECT + " WHERE w.uuid = :uuid")
                .param("uuid", uuid)
                .query(WorkoutRepository::toWorkout)
                .optional();
    }

    public long countOf(long userId) {
        return jdbc.sql("SELECT count(*) FROM workouts WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /** The user's latest workouts, public ones only unless the viewer is the owner. */
    public List<Workout> latestOf(long userId, boolean publicOnly, int limit) {
        String visibility = publicOnly ? " AND w.workout_visibility = 'public'" : "";
        return jdbc.sql(
                        SELECT
                                + " WHERE w.user_id = :userId"
                                + visibility
                                + " ORDER BY w.workout_date DESC, w.id DESC LIMIT :limit")
                .param("userId", userId)
                .param("limit", limit)
                .query(WorkoutRepository::toWorkout)
                .list();
    }

    /** One page of the user's workouts matching the filter. */
    public List<Workout> page(long userId, WorkoutFilter filter) {
        SqlWhere where = whereOf(userId, filter.conditions(), filter.restriction());
        String direction = filter.ascending() ? "ASC" : "DESC";
        String sql =
                SELECT
                        + " WHERE "
                        + where.sql()
                        + " ORDER BY "
                        + ORDER_COLUMNS.getOrDefault(filter.orderBy(), "w.workout_date")
                        + " "
                        + direction
                        + ", w.id "
                        + direction
                        + " LIMIT :limit OFFSET :offset";
        return jdbc.sql(sql)
                .params(where.params())
                .param("limit", filter.perPage())
                .param("offset", (long) (filter.page() - 1) * filter.perPage())
                .query(WorkoutRepository::toWorkout)
                .list();
    }

    /** Totals of all the user's workouts matching the filter, regardless of the page. */
    public WorkoutTotals totals(long userId, WorkoutFilter filter) {
        SqlWhere where = whereOf(userId, filter.conditions(), filter.restriction());
        return jdbc.sql(
                        """
                        SELECT count(*) AS count, COALESCE(sum(w.distance), 0) AS distance,
                            COALESCE(sum(w.duration), 0) AS duration,
                            COALESCE(sum(w.moving), 0) AS moving,
                            COALESCE(sum(w.ascent), 0) AS ascent,
                            COALESCE(sum(w.descent), 0) AS descent,
                            count(DISTINCT w.sport_id) AS sports,
                            COALESCE(max(w.max_speed), 0) AS max_speed
                        FROM workouts w WHERE
                        """
                                + where.sql())
                .params(where.params())
                .query(
                        (row, number) ->
                                new WorkoutTotals(
                                        row.getLong("count"),
                                        row.getDouble("distance"),
                                        row.getDouble("duration"),
                                        row.getDouble("moving"),
                                        row.getDouble("ascent"),
                                        row.getDouble("descent"),
                                        row.getLong("sports"),
                                        row.getDouble("max_speed")))
                .single();
    }

    /**
     * The user's workouts with a file that meet the conditions and whose bounds meet the box around
     * the location's circle: those whose track may pass within its radius, each with its bounds and
     * the size of its file; no file is read here.
     */
    public List<TrackCandidate> trackCandidates(
            long userId, WorkoutConditions conditions, Location location) {
        SqlWhere where = whereOf(userId, conditions, null);
        double latitudeReach = location.latitudeReach();
        double longitudeReach = location.longitudeReach();
        // A circle across the 180th meridian or near a pole meets every longitude. A box 180
        // degrees wide or more may be that of a track crossing the meridian, whose lines there lie
        // outside it: it is a candidate whatever the circle's longitudes.
        String longitudes =
                longitudeReach >= 180 || Math.abs(location.longitude()) + longitudeReach > 180
                        ? ""
                        : " AND (w.bounds[4] - w.bounds[2] >= 180"
                                + " OR (w.bounds[2] <= :maxLongitude"
                                + " AND w.bounds[4] >= :minLongitude))";
        return jdbc.sql(
                        """
                        SELECT w.id, w.bounds, octet_length(f.gpx) AS file_size
                        FROM workouts w JOIN workout_files f ON f.workout_id = w.id WHERE
                        """
                                + where.sql()
                                + " AND cardinality(w.bounds) = 4"
                                + " AND w.bounds[1] <= :maxLatitude AND w.bounds[3] >= :minLatitude"
                                + longitudes)
                .params(where.params())
                .param("minLatitude", location.latitude() - latitudeReach)
                .param("maxLatitude", location.latitude() + latitudeReach)
                .param("minLongitude", location.longitude() - longitudeReach)
                .param("maxLongitude", location.longitude() + longitudeReach)
                .query(
                        (row, number) ->
                                new TrackCandidate(
                                        row.getLong("id"),
                                        boxOf(boundsOf(row.getArray("bounds"))),
                                        row.getLong("file_size")))
                .list();
    }

    /** The workouts just before and after one of the same user, by date. */
    public Neighbours neighboursOf(Workout workout) {
        String previous =
                jdbc.sql(
                                """
                                SELECT uuid FROM workouts WHERE user_id = :userId
                                  AND (workout_date, id) < (:date, :id)
                                ORDER BY workout_date DESC, id DESC LIMIT 1
                                """)
                        .param("userId", workout.userId())
                        .param("date", workout.workoutDate())
                        .param("id", workout.id())
                        .query(UUID.class)
                        .optional()
                        .map(ShortId::encode)
                        .orElse(null);
        String next =
                jdbc.sql(
                                """
                                SELECT uuid FROM workouts WHERE user_id = :userId
                                  AND (workout_date, id) > (:date, :id)
                                ORDER BY workout_date ASC, id ASC LIMIT 1
                                """)
                        .param("userId", workout.userId())
                        .param("date", workout.workoutDate())
                        .param("id", workout.id())
                        .query(UUID.class)
                        .optional()
                        .map(ShortId::encode)
                        .orElse(null);
        return new Neighbours(previous, next);
    }

    /** The SQL of the conditions and of the restriction, when there is one. */
    private static SqlWhere whereOf(
            long userId, WorkoutConditions filter, WorkoutRestriction restriction) {
        List<String> conditions = new ArrayList<>(List.of("w.user_id = :userId"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("userId", userId);

        addCondition(conditions, params, "w.sport_id = :sportId", "sportId", filter.sportId());
        addContains(conditions, params, "title", filter.title());
        addContains(conditions, params, "notes", filter.notes());
        addContains(conditions, params, "description", filter.description());
        addCondition(conditions, params, "w.workout_date >= :from", "from", filter.from());
        addCondition(conditions, params, "w.workout_date < :to", "to", filter.to());
        addCondition(
                conditions,
                params,
                "w.distance >= :distanceFrom",
                "distanceFrom",
                filter.distanceFrom());
        addCondition(
                conditions, params, "w.distance <= :distanceTo", "distanceTo", filter.distanceTo());
        addCondition(
                conditions,
                params,
                "w.moving >= :durationFrom",
                "durationFrom",
                filter.durationFrom());
        addCondition(
                conditions, params, "w.moving <= :durationTo", "durationTo", filter.durationTo());
        addCondition(
                conditions,
                params,
                "w.ave_speed >= :aveSpeedFrom",
                "aveSpeedFrom",
                filter.aveSpeedFrom());
        addCondition(
                conditions,
                params,
                "w.ave_speed <= :aveSpeedTo",
                "aveSpeedTo",
                filter.aveSpeedTo());
        addCondition(
                conditions,
                params,
                "w.max_speed >= :maxSpeedFrom",
                "maxSpeedFrom",
                filter.maxSpeedFrom());
        addCondition(
                conditions,
                params,
                "w.max_speed <= :maxSpeedTo",
                "maxSpeedTo",
                filter.maxSpeedTo());
        addCondition(
                conditions,
                params,
                "w.workout_visibility = :visibility",
                "visibility",
                filter.workoutVisibility());
        if (restriction != null && restriction.workoutIds() != null) {
            conditions.add("w.id = ANY(:workoutIds)");
            params.put("workoutIds", restriction.workoutIds().toArray(Long[]::new));
        }
        return new SqlWhere(String.join(" AND ", conditions), params);
    }

    private static void addCondition(
            List<String> conditions,
            Map<String, Object> params,
            String sql,
            String name,
            Object value) {
        if (value != null) {
            conditions.add(sql);
            params.put(name, value);
        }
    }

    /** A case-insensitive substring filter; the client's text never acts as a pattern. */
    private static void addContains(
            List<String> conditions, Map<String, Object> params, String column, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        conditions.add("w." + column + " ILIKE :" + column + " ESCAPE '\\'");
        params.put(column, "%" + escaped + "%");
    }

    private static Map<String, Object> valuesOf(WorkoutValues values) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sportId", values.sportId());
        params.put("title", values.title());
        params.put("notes", values.notes());
        params.put("description", values.description());
        params.put("workoutDate", values.workoutDate());
        params.put("duration", values.duration());
        params.put("moving", values.moving());
        params.put("pauses", values.pauses());
        params.put("distance", values.distance());
        params.put("minAlt", values.minAlt());
        params.put("maxAlt", values.maxAlt());
        params.put("ascent", values.ascent());
        params.put("descent", values.descent());
        params.put("maxSpeed", values.maxSpeed());
        params.put("aveSpeed", values.aveSpeed());
        params.put("bounds", values.bounds() == null ? null : arrayLiteral(values.bounds()));
        params.put("calories", values.calories());
        params.putAll(values.sensors().params());
        params.put("workoutVisibility", values.workoutVisibility());
        params.put("mapVisibility", values.mapVisibility());
        params.put("analysisVisibility", values.analysisVisibility());
        return params;
    }

    private static String arrayLiteral(List<Double> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            literal.append(i == 0 ? "" : ",").append(values.get(i));
        }
        return literal.append('}').toString();
    }

    static Workout toWorkout(ResultSet row, int rowNumber) throws SQLException {
        return new Workout(
                row.getLong("id"),
                row.getObject("uuid", UUID.class),
                row.getLong("user_id"),
                row.getInt("sport_id"),
                row.getString("title"),
                row.getString("notes"),
                row.getString("description"),
                row.getObject("workout_date", OffsetDateTime.class),
                row.getObject("creation_date", OffsetDateTime.class),
                row.getObject("modification_date", OffsetDateTime.class),
                row.getDouble("duration"),
                nullableDouble(row, "moving"),
                nullableDouble(row, "pauses"),
                row.getDouble("distance"),
                nullableDouble(row, "min_alt"),
                nullableDouble(row, "max_alt"),
                nullableDouble(row, "ascent"),
                nullableDouble(row, "descent"),
                nullableDouble(row, "max_speed"),
                nullableDouble(row, "ave_speed"),
                boundsOf(row.getArray("bounds")),
                (Integer) row.getObject("calories"),
                SensorValues.from(row),
                row.getString("workout_visibility"),
                row.getString("map_visibility"),
                row.getString("analysis_visibility"),
                row.getBoolean("with_file"));
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static List<Double> boundsOf(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((Double[]) array.getArray());
    }

    private static Bounds boxOf(List<Double> bounds) {
        return new Bounds(bounds.get(0), bounds.get(1), bounds.get(2), bounds.get(3));
    }

    private record SqlWhere(String sql, Map<String, Object> params) {}

    /**
     * A workout whose track may pass near a location.
     *
     * @param box the track's bounds
     * @param fileSize the stored GPX file's size, bytes
     */
    public record TrackCandidate(long workoutId, Bounds box, long fileSize) {}

    /** The short ids of the previous and next workouts, or null at either end. */
    public record Neighbours(String previous, String next) {}
}
