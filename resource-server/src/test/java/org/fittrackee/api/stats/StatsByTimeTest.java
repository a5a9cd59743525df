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
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * {@code GET /api/stats/<user_name>/by_time}; expected values come from the table of {@link
 * StatsApiTest#insertSixWorkouts}.
 */
class StatsByTimeTest extends StatsApiTest {

    private ResultActions byTime(TestToken token, String query) throws Exception {
        return mvc.perform(
                get("/api/stats/" + token.username() + "/by_time" + query).with(token.asBearer()));
    }

    private static ResultMatcher statisticsAre(String json) {
        String body = "{\"status\":\"success\",\"data\":{\"statistics\":" + json + "}}";
        return content().json(body, JsonCompareMode.STRICT);
    }

    @Test
    void aUserWithoutWorkoutsGetsEmptyStatistics() throws Exception {
        TestToken token = userWith("workouts:read");

        byTime(token, "").andExpect(status().isOk()).andExpect(statisticsAre("{}"));
    }

    @Test
    void totalsByYearGroupInTheUsersTimezone() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        String expected =
                """
                {"2024": {
                  "1": {"total_workouts": 3, "total_distance": 60.75,
                        "total_duration": 10800, "total_ascent": 350.0,
                        "total_descent": 350.0, "total_calories": 1200},
                  "5": {"total_workouts": 2, "total_distance": 15.0,
                        "total_duration": 4800, "total_ascent": 70.0,
                        "total_descent": 75.0, "total_calories": 950},
                  "11": {"total_workouts": 1, "total_distance": 8.0,
                         "total_duration": 2700, "total_ascent": null,
                         "total_descent": null, "total_calories": null}}}
                """;

        byTime(token, "").andExpect(status().isOk()).andExpect(statisticsAre(expected));
    }

    @Test
    void inUtcTheFirstWorkoutFallsInThePreviousYear() throws Exception {
        TestToken token = userWith("workouts:read");
        long userId = registered(token);
        insertSixWorkouts(userId);
        setTimezone(userId, "UTC");

        byTime(token, "?time=year")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.statistics['2023']['1'].total_workouts").value(1))
                .andExpect(jsonPath("$.data.statistics['2023']['1'].total_distance").value(20.0))
                .andExpect(jsonPath("$.data.statistics['2023']['1'].total_calories").value(500))
                .andExpect(jsonPath("$.data.statistics['2024']['1'].total_workouts").value(2))
                .andExpect(jsonPath("$.data.statistics['2024']['1'].total_distance").value(40.75))
                .andExpect(jsonPath("$.data.statistics['2024']['1'].total_duration").value(7200));
    }

    @Test
    void weeksStartOnSundayAndAreNamedByThatDay() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        String expected =
                """
                {"2024-05-12": {
                   "1": {"total_workouts": 2, "total_distance": 40.75,
                         "total_duration": 7200, "total_ascent": 250.0,
                         "total_descent": 230.0, "total_calories": 700},
                   "5": {"total_workouts": 1, "total_distance": 10.0,
                         "total_duration": 3000, "total_ascent": 50.0,
                         "total_descent": 50.0, "total_calories": 600}},
                 "2024-05-19": {
                   "5": {"total_workouts": 1, "total_distance": 5.0,
                         "total_duration": 1800, "total_ascent": 20.0,
                         "total_descent": 25.0, "total_calories": 350}}}
                """;

        byTime(token, "?time=week&from=2024-05-01&to=2024-05-31")
                .andExpect(status().isOk())
                .andExpect(statisticsAre(expected));
    }

    @Test
    void weekmWeeksStartOnMonday() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        String expected =
                """
                {"2024-05-06": {
                   "1": {"total_workouts": 1, "total_distance": 30.5,
                         "total_duration": 5400, "total_ascent": 250.0,
                         "total_descent": 230.0, "total_calories": 700}},
                 "2024-05-13": {
                   "1": {"total_workouts": 1, "total_distance": 10.25,
                         "total_duration": 1800, "total_ascent": null,
                         "total_descent": null, "total_calories": null},
                   "5": {"total_workouts": 1, "total_distance": 10.0,
                         "total_duration": 3000, "total_ascent": 50.0,
                         "total_descent": 50.0, "total_calories": 600}},
                 "2024-05-20": {
                   "5": {"total_workouts": 1, "total_distance": 5.0,
                         "total_duration": 1800, "total_ascent": 20.0,
                         "total_descent": 25.0, "total_calories": 350}}}
                """;

        byTime(token, "?time=weekm&from=2024-05-01&to=2024-05-31")
                .andExpect(status().isOk())
                .andExpect(statisticsAre(expected));
    }

    @Test
    void monthsAreNamedYearDashMonth() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        byTime(token, "?time=month")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.statistics.length()").value(3))
                .andExpect(jsonPath("$.data.statistics['2024-01']['1'].total_workouts").value(1))
                .andExpect(jsonPath("$.data.statistics['2024-05']['1'].total_workouts").value(2))
                .andExpect(jsonPath("$.data.statistics['2024-05']['5'].total_distance").value(15.0))
                .andExpect(jsonPath("$.data.statistics['2024-05']['5'].total_calories").value(950))
                .andExpect(jsonPath("$.data.statistics['2024-06']['11'].total_workouts").value(1));
    }

    @Test
    void toEndsAtMidnightInTheUsersTimezone() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        // W5 starts on 2024-05-19 at 22:30 UTC, already the 20th in Paris.
        byTime(token, "?time=day&from=2024-05-18&to=2024-05-19")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.statistics.length()").value(1))
                .andExpect(jsonPath("$.data.statistics['2024-05-18']['5'].total_workouts").value(1))
                .andExpect(
                        jsonPath("$.data.statistics['2024-05-18']['5'].total_distance")
                                .value(10.0));

        byTime(token, "?time=day&from=2024-05-20&to=2024-05-20")
                .andExpect(jsonPath("$.data.statistics.length()").value(1))
                .andExpect(
                        jsonPath("$.data.statistics['2024-05-20']['5'].total_distance").value(5.0));
    }

    @Test
    void averagesShowSpeedOrPaceAsEachSportDisplaysIt() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        // Cycling: speed (20.0 + 20.33 + 20.5) / 3 = 20.28, ascent (100 + 250) / 2 (W3 has none).
        // Running: pace, the mean of 3600 / 12 = 300 s and 3600 / 10 = 360 s. Rowing: speed only,
        // no elevation.
        String expected =
                """
                {"2024": {
                  "1": {"total_workouts": 3, "average_distance": 20.25,
                        "average_duration": 3600, "average_ascent": 175.0,
                        "average_descent": 175.0, "average_speed": 20.28},
                  "5": {"total_workouts": 2, "average_distance": 7.5,
                        "average_duration": 2400, "average_ascent": 35.0,
                        "average_descent": 37.5, "average_pace": 330},
                  "11": {"total_workouts": 1, "average_distance": 8.0,
                         "average_duration": 2700, "average_ascent": null,
                         "average_descent": null, "average_speed": 10.67}}}
                """;

        byTime(token, "?type=average")
                .andExpect(status().isOk())
                .andExpect(statisticsAre(expected));
    }

    @Test
    void aPaceAndSpeedPreferenceShowsBoth() throws Exception {
        TestToken token = userWith("workouts:read");
        long userId = registered(token);
        insertSixWorkouts(userId);
        setPaceSpeedDisplay(userId, 5, "pace_and_speed");
        setPaceSpeedDisplay(userId, 1, "pace");

        byTime(token, "?type=average")
                .andExpect(jsonPath("$.data.statistics['2024']['5'].average_speed").value(11.0))
                .andExpect(jsonPath("$.data.statistics['2024']['5'].average_pace").value(330))
                .andExpect(jsonPath("$.data.statistics['2024']['1'].average_speed").doesNotExist())
                // Cycling's paces: 180, round(3600 / 20.33) = 177 and round(3600 / 20.5) = 176.
                .andExpect(jsonPath("$.data.statistics['2024']['1'].average_pace").value(177));
    }

    @Test
    void onlyTheMostRecentWorkoutsUpToTheInstanceLimitCount() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));
        setStatsWorkoutsLimit(2);

        try {
            byTime(token, "")
                    .andExpect(jsonPath("$.data.statistics['2024'].length()").value(2))
                    .andExpect(jsonPath("$.data.statistics['2024']['5'].total_workouts").value(1))
                    .andExpect(jsonPath("$.data.statistics['2024']['5'].total_distance").value(5.0))
                    .andExpect(jsonPath("$.data.statistics['2024']['11'].total_workouts").value(1));
        } finally {
            setStatsWorkoutsLimit(10000);
        }
    }

    @Test
    void aFirstPartyTokenReadsItToo() throws Exception {
        TestToken token = firstPartyUser();
        insertSixWorkouts(registered(token));

        byTime(token, "?time=month&type=average")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.statistics['2024-01']['1'].average_speed").value(20.0));
    }

    @Test
    void theNameInThePathIsMatchedWithoutCase() throws Exception {
        TestToken token = userWith("workouts:read");
        registered(token);

        mvc.perform(
                        get("/api/stats/" + token.username().toUpperCase() + "/by_time")
                                .with(token.asBearer()))
                .andExpect(status().isOk());
    }

    @Test
    void anotherScopeIsInsufficient() throws Exception {
        TestToken token = userWith("workouts:write profile:read");
        registered(token);

        byTime(token, "")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void withoutATokenItIsUnauthorized() throws Exception {
        mvc.perform(get("/api/stats/anyone/by_time"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }

    @Test
    void anotherUsersStatisticsAreForbidden() throws Exception {
        TestToken caller = userWith("workouts:read");
        TestToken other = userWith("workouts:read");
        insertSixWorkouts(registered(other));

        mvc.perform(get("/api/stats/" + other.username() + "/by_time").with(caller.asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
    }

    @Test
    void evenAnAdminOnlyReadsTheirOwn() throws Exception {
        TestToken admin = userWith("workouts:read", "admin");
        TestToken other = userWith("workouts:read");
        registered(other);

        mvc.perform(get("/api/stats/" + other.username() + "/by_time").with(admin.asBearer()))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody-here", "x' OR '1'='1", "user_", "*", "1 OR 1=1 --"})
    void anUnknownUserIsNotFound(String userName) throws Exception {
        mvc.perform(
                        get("/api/stats/{name}/by_time", userName)
                                .with(userWith("workouts:read").asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value("not found"))
                .andExpect(jsonPath("$.message").value("user does not exist"));
    }

    @Test
    void aSuspendedUserIsRefused() throws Exception {
        TestToken token = userWith("workouts:read", "suspended");

        byTime(token, "")
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value("you do not have permissions, your account is suspended"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"total;", "averages", "TOTAL", "", "' OR 1=1"})
    void anUnknownStatsTypeIsRefused(String type) throws Exception {
        TestToken token = userWith("workouts:read");
        registered(token);

        mvc.perform(
                        get("/api/stats/" + token.username() + "/by_time")
                                .param("type", type)
                                .with(token.asBearer()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content()
                                .json(
                                        "{\"status\":\"fail\",\"message\":\"invalid stats type\"}",
                                        JsonCompareMode.STRICT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"weeks", "hour", "Year", "year'); --"})
    void anUnknownTimePeriodIsRefused(String time) throws Exception {
        TestToken token = userWith("workouts:read");
        registered(token);

        mvc.perform(
                        get("/api/stats/" + token.username() + "/by_time")
                                .param("time", time)
                                .with(token.asBearer()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content()
                                .json(
                                        "{\"status\":\"fail\",\"message\":\"invalid time period\"}",
                                        JsonCompareMode.STRICT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2018-04-01",
                "2024-13-01",
                "2024-02-30",
                "01/05/2024",
                "0000-01-01",
                "99999-01-01",
                "2024-05-01'; SELECT 1",
                "2024-05-01T00:00"
            })
    void anInvalidDateIsRefused(String date) throws Exception {
        TestToken token = userWith("workouts:read");
        registered(token);

        for (String parameter : new String[] {"from", "to"}) {
            mvc.perform(
                            get("/api/stats/" + token.username() + "/by_time")
                                    .param(parameter, date)
                                    .with(token.asBearer()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.status").value("fail"))
                    .andExpect(jsonPath("$.message").value(DateRange.INVALID_DATE));
        }
    }

    @Test
    void datesWithoutLeadingZerosAreRead() throws Exception {
        TestToken token = userWith("workouts:read");
        insertSixWorkouts(registered(token));

        byTime(token, "?from=2024-5-1&to=2024-5-31")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.statistics['2024']['1'].total_workouts").value(2));
    }
}
