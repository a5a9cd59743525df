package org.fittrackee.api.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneId;
import java.util.List;
import org.fittrackee.api.testing.ApiTest;
import org.fittrackee.api.testing.TestUsers;
import org.fittrackee.api.testing.TestWorkout;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRepository;
import org.fittrackee.api.workouts.WorkoutService;
import org.fittrackee.api.workouts.WorkoutValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The statistics queries on real PostgreSQL, periods taken in the user's time zone. */
class StatsRepositoryTest extends ApiTest {

    @Autowired StatsRepository stats;
    @Autowired WorkoutService workouts;
    @Autowired UserRepository users;

    @Test
    void workoutsAreSummedPerMonthAndSportInTheUsersTimeZone() {
        User user = newUser();
        // 23:30 UTC on 31 January is already February in Paris.
        workouts.create(user.id(), values(5, 10, 3600, "2024-01-31T23:30:00Z"));
        workouts.create(user.id(), values(5, 5, 1800, "2024-02-10T08:00:00Z"));
        workouts.create(user.id(), values(1, 40, 5400, "2024-01-15T08:00:00Z"));

        List<PeriodStatistics> months =
                stats.byTime(
                        user.id(),
                        ZoneId.of("Europe/Paris"),
                        StatsPeriod.MONTH,
                        StatsType.TOTAL,
                        new DateRange(null, null));

        assertThat(months)
                .extracting(PeriodStatistics::period, PeriodStatistics::sportId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2024-01", 1),
                        org.assertj.core.groups.Tuple.tuple("2024-02", 5));
        PeriodStatistics february = months.get(1);
        assertThat(february.workouts()).isEqualTo(2);
        assertThat(february.distance()).isEqualTo(15.0);
        assertThat(february.duration()).isEqualTo(5400.0);
    }

    @Test
    void averagesAreTakenOverTheWorkoutsOfThePeriod() {
        User user = newUser();
        workouts.create(user.id(), values(5, 10, 3600, "2024-03-01T08:00:00Z"));
        workouts.create(user.id(), values(5, 6, 1800, "2024-03-02T08:00:00Z"));

        PeriodStatistics march =
                stats.byTime(
                                user.id(),
                                ZoneId.of("UTC"),
                                StatsPeriod.YEAR,
                                StatsType.AVERAGE,
                                new DateRange(null, null))
                        .get(0);

        assertThat(march.distance()).isEqualTo(8.0);
        assertThat(march.duration()).isEqualTo(2700.0);
        assertThat(march.speed()).isCloseTo(11.0, within(1e-9));
    }

    @Test
    void bySportCountsEveryWorkoutAndTellsWhetherTheSportExists() {
        User user = newUser();
        workouts.create(user.id(), values(5, 10, 3600, "2024-03-01T08:00:00Z"));
        workouts.create(user.id(), values(1, 30, 3600, "2024-03-02T08:00:00Z"));

        StatsRepository.SportsStatistics all = stats.bySport(user.id(), null);
        StatsRepository.SportsStatistics unknown = stats.bySport(user.id(), 999);

        assertThat(all.totalWorkouts()).isEqualTo(2);
        assertThat(all.sports()).extracting(SportStatistics::sportId).containsExactly(1, 5);
        assertThat(unknown.sportExists()).isFalse();
        assertThat(unknown.totalWorkouts()).isZero();
    }

    private User newUser() {
        return TestUsers.newUser(users, "stats-");
    }

    private static WorkoutValues values(int sportId, double distance, double seconds, String date) {
        return TestWorkout.of(sportId, distance, seconds, date).values();
    }
}
