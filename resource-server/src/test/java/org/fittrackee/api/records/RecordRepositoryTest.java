package org.fittrackee.api.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fittrackee.api.testing.ApiTest;
import org.fittrackee.api.testing.TestUsers;
import org.fittrackee.api.testing.TestWorkout;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRepository;
import org.fittrackee.api.workouts.Workout;
import org.fittrackee.api.workouts.WorkoutService;
import org.fittrackee.api.workouts.WorkoutValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records on real PostgreSQL: the best workout of each type, kept right under concurrent writes.
 */
class RecordRepositoryTest extends ApiTest {

    @Autowired RecordRepository records;
    @Autowired WorkoutService workouts;
    @Autowired UserRepository users;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void eachRecordIsTheBestWorkoutOfTheSportAndTheEarliestOnATie() {
        User user = newUser();
        Workout early = workouts.create(user.id(), values(5, 12, 3600, "2024-01-01T10:00:00Z"));
        Workout farther = workouts.create(user.id(), values(5, 21, 7200, "2024-01-02T10:00:00Z"));
        Workout sameSpeed = workouts.create(user.id(), values(5, 12, 3600, "2024-01-03T10:00:00Z"));
        workouts.create(user.id(), values(1, 50, 3600, "2024-01-04T10:00:00Z"));

        Map<String, WorkoutRecord> running = recordsOf(user, 5);

        assertThat(running).containsOnlyKeys("AS", "FD", "LD", "MS", "AP", "BP");
        assertThat(running.get("FD").workoutId()).isEqualTo(farther.id());
        assertThat(running.get("FD").value()).isEqualTo(21.0);
        assertThat(running.get("LD").value()).isEqualTo(7200.0);
        assertThat(running.get("AS").workoutId())
                .isEqualTo(early.id())
                .isNotEqualTo(sameSpeed.id());
        assertThat(running.get("AS").value()).isEqualTo(12.0);
        assertThat(running.get("AP").value()).isEqualTo(300.0);
        assertThat(running.get("AP").workoutId()).isEqualTo(early.id());
        assertThat(recordsOf(user, 1).get("FD").value()).isEqualTo(50.0);
    }

    @Test
    void deletingTheRecordWorkoutHandsTheRecordToTheNextBest() {
        User user = newUser();
        Workout best = workouts.create(user.id(), values(5, 21, 7200, "2024-01-02T10:00:00Z"));
        Workout next = workouts.create(user.id(), values(5, 10, 3600, "2024-01-01T10:00:00Z"));

        workouts.delete(best);

        assertThat(recordsOf(user, 5).get("FD").workoutId()).isEqualTo(next.id());
        workouts.delete(next);
        assertThat(recordsOf(user, 5)).isEmpty();
    }

    @Test
    void concurrentWritesOfOneUserAndSportAllSucceedAndLeaveTheRightRecords() throws Exception {
        TestToken athlete = userWith("workouts:read workouts:write");
        createWorkout(athlete, 5, 1, 600, "2024-01-01 10:00");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Callable<Integer>> creations = new ArrayList<>();
        for (int i = 1; i <= writers; i++) {
            int distance = 10 + i;
            creations.add(() -> created(athlete, distance, "2024-02-0" + (distance % 9 + 1)));
        }

        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(creations, 60, TimeUnit.SECONDS)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).hasSize(writers).containsOnly(201);
        String answer =
                mvc.perform(get("/api/records").with(athlete.asBearer()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        List<Object> farthest =
                JsonPath.read(answer, "$.data.records[?(@.record_type == 'FD')].value");
        assertThat(farthest).containsExactly(18.0);
        List<Object> types = JsonPath.read(answer, "$.data.records[*].record_type");
        assertThat(types).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void concurrentDeletesCreatesAndSportChangesOfOneUserNeverFailAndLeaveTheRightRecords()
            throws Exception {
        TestToken athlete = userWith("workouts:read workouts:write");
        for (int round = 0; round < 3; round++) {
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                existing.add(
                        createWorkout(athlete, 5, 10 + i, 3600, "2024-03-0" + (i + 1) + " 10:00"));
            }
            String movedAround = existing.get(0);
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int i = 1; i < 9; i++) {
                String workout = existing.get(i);
                int distance = 30 + i;
                String day = "2024-04-0" + i;
                writes.add(
                        switch (i % 3) {
                            case 0 -> () -> deleted(athlete, workout);
                            case 1 -> () -> movedToSport(athlete, workout, 1);
                            default -> () -> created(athlete, distance, day);
                        });
            }
            for (int sport = 1; sport <= 4; sport++) {
                int target = sport;
                writes.add(() -> movedToSport(athlete, movedAround, target));
            }

            assertThat(allAtOnce(writes)).containsOnly(200, 201, 204);
            assertThat(storedRecords(athlete)).isEqualTo(recomputedRecords(athlete));
        }
    }

    @Test
    void recordsAreNeverLockedOrRecomputedOutsideTheTransactionOfAWrite() {
        User user = newUser();

        assertThatThrownBy(() -> records.lockRecordsOf(user.id()))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> records.recompute(user.id(), 5))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    /** Runs the calls on threads of their own, released together; their HTTP statuses. */
    private static List<Integer> allAtOnce(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (Callable<Integer> call : calls) {
                answers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return call.call();
                                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private int deleted(TestToken athlete, String workoutId) throws Exception {
        return mvc.perform(delete("/api/workouts/" + workoutId).with(athlete.asBearer()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private int movedToSport(TestToken athlete, String workoutId, int sportId) throws Exception {
        return mvc.perform(
                        patch("/api/workouts/" + workoutId)
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": " + sportId + "}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    /** The user's records as stored: sport, type, workout and value. */
    private List<String> storedRecords(TestToken athlete) {
        return records.findByUser(userIdOf(athlete)).stream()
                .map(
                        r ->
                                r.sportId()
                                        + " "
                                        + r.recordType()
                                        + " "
                                        + r.workoutId()
                                        + " "
                                        + r.value())
                .sorted()
                .toList();
    }

    /** The user's records computed afresh from their workouts, in a transaction rolled back. */
    private List<String> recomputedRecords(TestToken athlete) {
        return transactions.execute(
                status -> {
                    long userId = userIdOf(athlete);
                    records.lockRecordsOf(userId);
                    for (int sport :
                            jdbc.sql("SELECT id FROM sports").query(Integer.class).list()) {
                        records.recompute(userId, sport);
                    }
                    List<String> recomputed = storedRecords(athlete);
                    status.setRollbackOnly();
                    return recomputed;
                });
    }

    private long userIdOf(TestToken athlete) {
        return jdbc.sql("SELECT id FROM users WHERE subject = :subject")
                .param("subject", athlete.subject())
                .query(Long.class)
                .single();
    }

    private int created(TestToken athlete, int distance, String day) throws Exception {
        return mvc.perform(
                        post("/api/workouts/no_gpx")
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"sport_id\": 5, \"duration\": 3600, \"distance\": "
                                                + distance
                                                + ", \"workout_date\": \""
                                                + day
                                                + " 10:00\"}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private Map<String, WorkoutRecord> recordsOf(User user, int sportId) {
        Map<String, WorkoutRecord> bySport = new HashMap<>();
        for (WorkoutRecord record : records.findByUser(user.id())) {
            if (record.sportId() == sportId) {
                bySport.put(record.recordType(), record);
            }
        }
        return bySport;
    }

    private User newUser() {
        return TestUsers.newUser(users, "records-");
    }

    /** The values of a workout whose top speed is above its average, titled "t". */
    private static WorkoutValues values(int sportId, double distance, double seconds, String date) {
        return TestWorkout.of(sportId, distance, seconds, date)
                .titled("t")
                .withMaxSpeedAboveAverage(0.5)
                .values();
    }
}
