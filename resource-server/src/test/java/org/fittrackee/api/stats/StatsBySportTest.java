package org.fittrackee.api.stats;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code GET /api/stats/<user_name>/by_sport}; values from {@link StatsApiTest#insertSixWorkouts}.
 */
class StatsBySportTest extends StatsApiTest {

    private static final String CYCLING =
            """
            {"total_workouts": 3, "total_distance": 60.75, "total_duration": "3:00:00",
             "total_ascent": 350.0, "total_descent": 350.0, "total_calories": 1200,
             "average_distance": 20.25, "average_duration": "1:00:00",
             "average_ascent": 175.0, "average_descent": 175.0,
             "average_speed": 20.28, "average_pace": null}
            """;

    private static final String RUNNING =
            """
            {"total_workouts": 2, "total_distance": 15.0, "total_duration": "1:20:00",
             "total_ascent": 70.0, "total_descent": 75.0, "total_calories": 950,
             "average_distance": 7.5, "average_duration": "0:40:00",
             "average_ascent": 35.0, "average_descent": 37.5,
             "average_speed": null, "average_pace": "0:05:30"}
            """;

    private static final String ROWING =
            """
            {"total_workouts": 1, "total_distance": 8.0, "total_duration": "0:45:00",
             "total_ascent": null, "total_descent": null, "total_calories": null,
             "average_distance": 8.0, "average_duration": "0:45:00",
             "average_ascent": null, "average_descent": null,
             "average_speed": 10.67, "average_pace": null}
            """;

    private ResultActions bySport(TestToken token, String query) throws Exception {
        return mvc.perform(
                get("/api/stats/" + token.username() + "/by_sport" + query).with(token.asBearer()));
    }

    private static String body(String statistics, int totalWorkouts) {
        return "{\"status\":\"success\",\"data\":{\"statistics\":"
                + statistics
                + ",\"total_workouts\":"
                + totalWorkouts
                + "}}";
    }

    @Test
    void everySportWithWorkoutsHasTotalsAndAverages() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        bySport(token, "")
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .json(
                                        body(
                                                "{\"1\":"
                                                        + CYCLING
                                                        + ",\"5\":"
                                                        + RUNNING
                                                        + ",\"11\":"
                                                        + ROWING
                                                        + "}",
                                                6),
                                        JsonCompareMode.STRICT));
    }

    @Test
    void oneSportOnlyWhenAsked() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        bySport(token, "?sport_id=5")
                .andExpect(status().isOk())
                .andExpect(
                        content().json(body("{\"5\":" + RUNNING + "}", 2), JsonCompareMode.STRICT));
    }

    @Test
    void aSportWithoutWorkoutsGivesNothing() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        bySport(token, "?sport_id=3")
                .andExpect(status().isOk())
                .andExpect(content().json(body("{}", 0), JsonCompareMode.STRICT));
    }

    @Test
    void aUserWithoutWorkoutsGetsZero() throws Exception {
        TestToken token = userWith("workouts:read");

        bySport(token, "")
                .andExpect(status().isOk())
                .andExpect(content().json(body("{}", 0), JsonCompareMode.STRICT));
    }

    @Test
    void theLimitAppliesToStatisticsButNotToTheCount() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));
        setStatsWorkoutsLimit(2);

        try {
            // The two most recent: W6 (rowing) and W5 (running, 5 km at 10 km/h).
            bySport(token, "")
                    .andExpect(jsonPath("$.data.total_workouts").value(6))
                    .andExpect(jsonPath("$.data.statistics.length()").value(2))
                    .andExpect(jsonPath("$.data.statistics['5'].total_workouts").value(1))
                    .andExpect(jsonPath("$.data.statistics['5'].total_duration").value("0:30:00"))
                    .andExpect(jsonPath("$.data.statistics['5'].average_pace").value("0:06:00"))
                    .andExpect(jsonPath("$.data.statistics['11'].total_workouts").value(1));
        } finally {
            setStatsWorkoutsLimit(10000);
        }
    }

    @Test
    void aLimitOfZeroMeansEveryWorkout() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));
        setStatsWorkoutsLimit(0);

        try {
            bySport(token, "")
                    .andExpect(jsonPath("$.data.statistics['1'].total_workouts").value(3))
                    .andExpect(jsonPath("$.data.statistics['5'].total_workouts").value(2));
        } finally {
            setStatsWorkoutsLimit(10000);
        }
    }

    @Test
    void durationsOfADayOrMoreSpellTheDays() throws Exception {
        TestToken token = userWith("workouts:read");
        long userId = registered(token);
        workout(userId, 6, "2024-01-01T08:00:00Z").moving(50_000.0).insert();
        workout(userId, 6, "2024-01-02T08:00:00Z").moving(50_001.5).insert();

        bySport(token, "?sport_id=6")
                .andExpect(
                        jsonPath("$.data.statistics['6'].total_duration").value("1 day, 3:46:41"))
                .andExpect(jsonPath("$.data.statistics['6'].average_duration").value("13:53:20"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "-1", "1 OR 1=1", "1'--", "abc", "99999999999"})
    void anUnknownSportIsNotFound(String sportId) throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        mvc.perform(
                        get("/api/stats/" + token.username() + "/by_sport")
                                .param("sport_id", sportId)
                                .with(token.asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(
                        content()
                                .json(
                                        "{\"status\":\"not found\","
                                                + "\"message\":\"sport does not exist\"}",
                                        JsonCompareMode.STRICT));
    }

    @Test
    void anotherScopeIsInsufficient() throws Exception {
        TestToken token = userWith("workouts:write");
        registered(token);

        bySport(token, "")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void anotherUsersStatisticsAreForbidden() throws Exception {
        TestToken caller = userWith("workouts:read");
        TestToken other = userWith("workouts:read");
        registered(other);

        mvc.perform(get("/api/stats/" + other.username() + "/by_sport").with(caller.asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
    }

    @Test
    void anUnknownUserIsNotFound() throws Exception {
        mvc.perform(
                        get("/api/stats/nobody-at-all/by_sport")
                                .with(userWith("workouts:read").asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("user does not exist"));
    }

    @Test
    void aSuspendedUserIsRefused() throws Exception {
        bySport(userWith("workouts:read", "suspended"), "")
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value("you do not have permissions, your account is suspended"));
    }
}
