package org.fittrackee.api.workouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The GPX files of workouts and the segments read from them. */
@Repository
public class WorkoutFileRepository {

    private final JdbcClient jdbc;

    public WorkoutFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveFile(long workoutId, String originalName, byte[] gpx) {
        jdbc.sql(
                        """
                        INSERT INTO workout_files (workout_id, original_name, gpx)
                        VALUES (:workoutId, :originalName, :gpx)
                        """)
                .param("workoutId", workoutId)
                .param("originalName", originalName)
                .param("gpx", gpx)
                .update();
    }

    public Optional<StoredFile> findFile(long workoutId) {
        return jdbc.sql("SELECT original_name, gpx FROM workout_files WHERE workout_id = :id")
                .param("id", workoutId)
                .query((row, number) -> new StoredFile(row.getString(1), row.getBytes(2)))
                .optional();
    }

    public void saveSegments(List<WorkoutSegment> segments) {
        for (WorkoutSegment segment : segments) {
            jdbc.sql(
                            """
                            INSERT INTO workout_segments (workout_id, segment_number, duration,
                                moving, pauses, distance, min_alt, max_alt, ascent, descent,
                                max_speed, ave_speed, ave_hr, max_hr, ave_cadence, max_cadence,
                                ave_power, max_power)
                            VALUES (:workoutId, :number, :duration, :moving, :pauses, :distance,
                                :minAlt, :maxAlt, :ascent, :descent, :maxSpeed, :aveSpeed,
                                :aveHr, :maxHr, :aveCadence, :maxCadence, :avePower, :maxPower)
                            """)
                    .params(paramsOf(segment))
                    .update();
        }
    }

    /** The segments of the given workouts, by workout id, in one query. */
    public Map<Long, List<WorkoutSegment>> segmentsOf(Collection<Long> workoutIds) {
        if (workoutIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        """
                        SELECT * FROM workout_segments WHERE workout_id IN (:ids)
                        ORDER BY workout_id, segment_number
                        """)
                .param("ids", workoutIds)
                .query(WorkoutFileRepository::toSegment)
                .list()
                .stream()
                .collect(Collectors.groupingBy(WorkoutSegment::workoutId));
    }

    private static WorkoutSegment toSegment(ResultSet row, int number) throws SQLException {
        return new WorkoutSegment(
                row.getLong("workout_id"),
                row.getInt("segment_number"),
                row.getDouble("duration"),
                row.getDouble("moving"),
                row.getDouble("pauses"),
                row.getDouble("distance"),
                (Double) row.getObject("min_alt"),
                (Double) row.getObject("max_alt"),
                (Double) row.getObject("ascent"),
                (Double) row.getObject("descent"),
                row.getDouble("max_speed"),
                row.getDouble("ave_speed"),
                SensorValues.from(row));
    }

    private static Map<String, Object> paramsOf(WorkoutSegment segment) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("workoutId", segment.workoutId());
        params.put("number", segment.number());
        params.put("duration", segment.duration());
        params.put("moving", segment.moving());
        params.put("pauses", segment.pauses());
        params.put("distance", segment.distance());
        params.put("minAlt", segment.minAlt());
        params.put("maxAlt", segment.maxAlt());
        params.put("ascent", segment.ascent());
        params.put("descent", segment.descent());
        params.put("maxSpeed", segment.maxSpeed());
        params.put("aveSpeed", segment.aveSpeed());
        params.putAll(segment.sensors().params());
        return params;
    }

    /** A stored GPX file and the name it was uploaded with. */
    public record StoredFile(String originalName, byte[] gpx) {}
}
