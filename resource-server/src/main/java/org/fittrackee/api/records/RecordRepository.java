package org.fittrackee.api.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's records per sport, recomputed from the workouts after every workout write, update and
 * delete, in the same transaction, so that they are always right.
 */
@Repository
public class RecordRepository {

    /**
     * The first key of our advisory locks on a user's records ("RECD"), so that they never meet
     * another lock taken on the same database with the two-key form.
     */
    private static final int RECORDS_LOCK_NAMESPACE = 0x52454344;

    /**
     * Each record type, the value that ranks workouts (highest wins), and the value stored. Paces
     * are seconds per km: the best pace is the lowest, ranked as the highest speed.
     */
    private static final List<RecordRule> RULES =
            List.of(
                    new RecordRule("AS", "w.ave_speed", "w.ave_speed", "w.ave_speed > 0"),
                    new RecordRule("FD", "w.distance", "w.distance", "w.distance > 0"),
                    new RecordRule("HA", "w.ascent", "w.ascent", "w.ascent > 0"),
                    new RecordRule("LD", "w.moving", "w.moving", "w.moving > 0"),
                    new RecordRule("MS", "w.max_speed", "w.max_speed", "w.max_speed > 0"),
                    new RecordRule("AP", "w.ave_speed", "3600 / w.ave_speed", "w.ave_speed > 0"),
                    new RecordRule("BP", "w.max_speed", "3600 / w.max_speed", "w.max_speed > 0"));

    private static final String SELECT =
            """
            SELECT r.id, r.workout_id, r.record_type, r.sport_id, r.value, r.workout_date, w.uuid
            FROM records r JOIN workouts w ON w.id = r.workout_id
            """;

    private final JdbcClient jdbc;

    public RecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the user's records until the caller's transaction ends; a second write of the same user
     * waits here. Every workout write takes it first, before it touches a row: two writes would
     * otherwise both replace the records and break the one-record-per-type rule, or wait for each
     * other's rows (a delete cascades to the records) and deadlock. The key is the user id cut to
     * 32 bits: two users whose ids differ by a multiple of 2^32 only wait for each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockRecordsOf(long userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, :key)")
                .param("namespace", RECORDS_LOCK_NAMESPACE)
                .param("key", (int) userId)
                .query((row, number) -> null)
                .list();
    }

    /**
     * Replaces the user's records for the sport with the best of their workouts, in the caller's
     * transaction, which holds {@link #lockRecordsOf} already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recompute(long userId, int sportId) {
        jdbc.sql("DELETE FROM records WHERE user_id = :userId AND sport_id = :sportId")
                .param("userId", userId)
                .param("sportId", sportId)
                .update();
        for (RecordRule rule : RULES) {
            insertBest(userId, sportId, rule);
        }
    }

    public List<WorkoutRecord> findByUser(long userId) {
        return jdbc.sql(SELECT + " WHERE r.user_id = :userId ORDER BY r.sport_id, r.record_type")
                .param("userId", userId)
                .query(RecordRepository::toRecord)
                .list();
    }

    /** The records the given workouts hold, by workout id, in one query. */
    public Map<Long, List<WorkoutRecord>> findByWorkouts(Collection<Long> workoutIds) {
        if (workoutIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT + " WHERE r.workout_id IN (:ids) ORDER BY r.record_type")
                .param("ids", workoutIds)
                .query(RecordRepository::toRecord)
                .list()
                .stream()
                .collect(Collectors.groupingBy(WorkoutRecord::workoutId));
    }

    private static WorkoutRecord toRecord(ResultSet row, int rowNumber) throws SQLException {
        return new WorkoutRecord(
                row.getLong("id"),
                row.getLong("workout_id"),
                row.getString("record_type"),
                row.getInt("sport_id"),
                row.getDouble("value"),
                row.getObject("workout_date", OffsetDateTime.class),
                row.getObject("uuid", UUID.class));
    }

    private void insertBest(long userId, int sportId, RecordRule rule) {
        jdbc.sql(
                        "INSERT INTO records (user_id, sport_id, record_type, workout_id, value,"
                                + " workout_date) SELECT w.user_id, w.sport_id, :type, w.id, "
                                + rule.storedValue()
                                + ", w.workout_date FROM workouts w"
                                + " WHERE w.user_id = :userId AND w.sport_id = :sportId AND "
                                + rule.eligible()
                                + " ORDER BY "
                                + rule.rankedBy()
                                + " DESC, w.workout_date ASC, w.id ASC LIMIT 1")
                .param("type", rule.type())
                .param("userId", userId)
                .param("sportId", sportId)
                .update();
    }

    /** SQL fragments of a record type; constants of this class, never client input. */
    private record RecordRule(String type, String rankedBy, String storedValue, String eligible) {}
}
