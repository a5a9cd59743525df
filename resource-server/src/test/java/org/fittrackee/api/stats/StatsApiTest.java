package org.fittrackee.api.stats;

import java.sql.Types;
import java.time.OffsetDateTime;
import org.fittrackee.api.testing.ApiTest;
import org.fittrackee.api.users.Role;
import org.fittrackee.api.users.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Statistics tests: users made ahead of their first call, workouts inserted with SQL. */
abstract class StatsApiTest extends ApiTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserRepository users;

    /** The local user of a token, made now as the token's first call would make it. */
    long registered(TestToken token) {
        return users.upsertFromToken(token.subject(), token.username(), Role.USER, false).id();
    }

    void setTimezone(long userId, String timezone) {
        jdbc.sql("UPDATE users SET timezone = :timezone WHERE id = :id")
                .param("timezone", timezone)
                .param("id", userId)
                .update();
    }

    void setPaceSpeedDisplay(long userId, int sportId, String display) {
        jdbc.sql(
                        """
                        INSERT INTO user_sport_preferences
                            (user_id, sport_id, stopped_speed_threshold, pace_speed_display)
                        VALUES (:userId, :sportId, 0.1, :display)
                        """)
                .param("userId", userId)
                .param("sportId", sportId)
                .param("display", display)
                .update();
    }

    void setStatsWorkoutsLimit(int limit) {
        jdbc.sql("UPDATE app_config SET stats_workouts_limit = :limit WHERE id = 1")
                .param("limit", limit)
                .update();
    }

    WorkoutRow workout(long userId, int sportId, String workoutDate) {
        return new WorkoutRow(userId, sportId, OffsetDateTime.parse(workoutDate));
    }

    /**
     * Six workouts of a user whose time zone is Europe/Paris (the default), around a year end and a
     * week boundary, in three sports: Cycling (Sport) 1, Running 5 and Rowing 11 (no elevation),
     * and one workout of another user that must never count. Values per workout:
     *
     * <pre>
     * #  sport UTC date            Paris local       km     moving  ascent descent km/h   kcal
     * W1 1     2023-12-31 23:30    2024-01-01 Mon    20.0   3600    100    120     20.0   500
     * W2 1     2024-05-12 08:00    2024-05-12 Sun    30.5   5400    250    230     20.33  700
     * W3 1     2024-05-13 08:00    2024-05-13 Mon    10.25  (1800)  -      -       20.5   -
     * W4 5     2024-05-18 07:00    2024-05-18 Sat    10.0   3000    50     50      12.0   600
     * W5 5     2024-05-19 22:30    2024-05-20 Mon    5.0    1800    20     25      10.0   350
     * W6 11    2024-06-01 06:00    2024-06-01 Sat    8.0    2700    5      5       10.67  -
     * </pre>
     *
     * W3 has no moving time: its duration, 1800 s, counts. The others' durations include a
     * 60-second pause that statistics ignore.
     */
    void insertSixWorkouts(long userId) {
        workout(userId, 1, "2023-12-31T23:30:00Z")
                .distance(20.0)
                .moving(3600.0)
                .elevation(100.0, 120.0)
                .speed(20.0)
                .calories(500)
                .insert();
        workout(userId, 1, "2024-05-12T08:00:00Z")
                .distance(30.5)
                .moving(5400.0)
                .elevation(250.0, 230.0)
                .speed(20.33)
                .calories(700)
                .insert();
        workout(userId, 1, "2024-05-13T08:00:00Z")
                .distance(10.25)
                .duration(1800.0)
                .moving(null)
                .speed(20.5)
                .insert();
        workout(userId, 5, "2024-05-18T07:00:00Z")
                .distance(10.0)
                .moving(3000.0)
                .elevation(50.0, 50.0)
                .speed(12.0)
                .calories(600)
                .insert();
        workout(userId, 5, "2024-05-19T22:30:00Z")
                .distance(5.0)
                .moving(1800.0)
                .elevation(20.0, 25.0)
                .speed(10.0)
                .calories(350)
                .insert();
        workout(userId, 11, "2024-06-01T06:00:00Z")
                .distance(8.0)
                .moving(2700.0)
                .elevation(5.0, 5.0)
                .speed(10.67)
                .insert();

        long someoneElse = registered(userWith("workouts:read"));
        workout(someoneElse, 1, "2024-05-12T09:00:00Z")
                .distance(99.0)
                .moving(9999.0)
                .speed(35.0)
                .calories(2000)
                .insert();
    }

    /** A workout row to insert; unset values are null, the duration is moving time plus 60 s. */
    final class WorkoutRow {
        private final long userId;
        private final int sportId;
        private final OffsetDateTime workoutDate;
        private double distance = 1.0;
        private Double duration;
        private Double moving = 600.0;
        private Double ascent;
        private Double descent;
        private Double speed;
        private Integer calories;

        private WorkoutRow(long userId, int sportId, OffsetDateTime workoutDate) {
            this.userId = userId;
            this.sportId = sportId;
            this.workoutDate = workoutDate;
        }

        WorkoutRow distance(double km) {
            this.distance = km;
            return this;
        }

        WorkoutRow duration(Double seconds) {
            this.duration = seconds;
            return this;
        }

        WorkoutRow moving(Double seconds) {
            this.moving = seconds;
            return this;
        }

        WorkoutRow elevation(Double ascentMeters, Double descentMeters) {
            this.ascent = ascentMeters;
            this.descent = descentMeters;
            return this;
        }

        WorkoutRow speed(Double kmPerHour) {
            this.speed = kmPerHour;
            return this;
        }

        WorkoutRow calories(Integer kcal) {
            this.calories = kcal;
            return this;
        }

        /** Inserts the workout and answers its id. */
        long insert() {
            double totalDuration = duration != null ? duration : moving + 60;
            return jdbc.sql(
                            """
                            INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration,
                                moving, distance, ascent, descent, ave_speed, calories)
                            VALUES (gen_random_uuid(), :userId, :sportId, :workoutDate,
                                :duration, :moving, :distance, :ascent, :descent, :speed,
                                :calories)
                            RETURNING id
                            """)
                    .param("userId", userId)
                    .param("sportId", sportId)
                    .param("workoutDate", workoutDate)
                    .param("duration", totalDuration)
                    .param("moving", moving, Types.DOUBLE)
                    .param("distance", distance)
                    .param("ascent", ascent, Types.DOUBLE)
                    .param("descent", descent, Types.DOUBLE)
                    .param("speed", speed, Types.DOUBLE)
                    .param("calories", calories, Types.INTEGER)
                    .query(Long.class)
                    .single();
        }
    }
}
