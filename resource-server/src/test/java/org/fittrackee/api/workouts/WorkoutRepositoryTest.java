package org.fittrackee.api.workouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.testing.ApiTest;
import org.fittrackee.api.testing.TestUsers;
import org.fittrackee.api.testing.TestWorkout;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workouts table on real PostgreSQL: writes, pages, totals and neighbours. */
class WorkoutRepositoryTest extends ApiTest {

    @Autowired WorkoutRepository workouts;
    @Autowired UserRepository users;

    @Test
    void aWorkoutIsStoredAndReadBackAsWritten() {
        User user = newUser();
        WorkoutValues values =
                values(
                        5,
                        12.345,
                        3661,
                        "2024-05-12T06:30:00Z",
                        "Run",
                        List.of(45.0, 5.0, 45.1, 5.1));

        Workout stored = workouts.insert(user.id(), values);

        assertThat(workouts.findByUuid(stored.uuid())).contains(stored);
        assertThat(stored.distance()).isEqualTo(12.345);
        assertThat(stored.duration()).isEqualTo(3661.0);
        assertThat(stored.bounds()).containsExactly(45.0, 5.0, 45.1, 5.1);
        assertThat(stored.workoutDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-05-12T06:30:00Z").toInstant());
        assertThat(stored.modificationDate()).isNull();
    }

    @Test
    void anUpdateChangesTheValuesAndSetsTheModificationDate() {
        User user = newUser();
        Workout stored =
                workouts.insert(user.id(), values(5, 10, 3600, "2024-01-01T10:00:00Z", "a", null));

        workouts.update(stored.id(), values(6, 7, 1800, "2024-01-02T10:00:00Z", "b", null));

        Workout updated = workouts.findById(stored.id()).orElseThrow();
        assertThat(updated.sportId()).isEqualTo(6);
        assertThat(updated.title()).isEqualTo("b");
        assertThat(updated.distance()).isEqualTo(7.0);
        assertThat(updated.modificationDate()).isNotNull();
    }

    @Test
    void pagesTotalsAndNeighboursFollowTheDates() {
        User user = newUser();
        Workout first =
                workouts.insert(user.id(), values(5, 5, 1800, "2024-01-01T10:00:00Z", "a", null));
        Workout second =
                workouts.insert(user.id(), values(1, 20, 3600, "2024-01-02T10:00:00Z", "b", null));
        Workout third =
                workouts.insert(user.id(), values(5, 10, 3600, "2024-01-03T10:00:00Z", "c", null));
        WorkoutFilter everything = WorkoutFilters.parse(Map.of("per_page", "2"), ZoneOffset.UTC);

        assertThat(workouts.page(user.id(), everything))
                .extracting(Workout::id)
                .containsExactly(third.id(), second.id());
        WorkoutTotals totals = workouts.totals(user.id(), everything);
        assertThat(totals.count()).isEqualTo(3);
        assertThat(totals.distance()).isEqualTo(35.0);
        assertThat(totals.sports()).isEqualTo(2);
        assertThat(totals.maxSpeed()).isEqualTo(20.0);
        WorkoutRepository.Neighbours around = workouts.neighboursOf(second);
        assertThat(around.previous()).isEqualTo(first.shortId());
        assertThat(around.next()).isEqualTo(third.shortId());
        assertThat(workouts.latestOf(user.id(), true, 5)).isEmpty();
        assertThat(workouts.countOf(user.id())).isEqualTo(3);
    }

    private User newUser() {
        return TestUsers.newUser(users, "repo-");
    }

    private static WorkoutValues values(
            int sportId,
            double distance,
            double seconds,
            String date,
            String title,
            List<Double> bounds) {
        return TestWorkout.of(sportId, distance, seconds, date)
                .titled(title)
                .withBounds(bounds)
                .values();
    }
}
