package org.fittrackee.api.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

class WorkoutsControllerTest extends ApiTest {

    @Autowired JdbcClient jdbc;

    private final TestToken writer = userWith("workouts:write workouts:read");

    @Test
    void aTokenWithWorkoutsWriteCreatesAWorkoutWithoutFile() throws Exception {
        noGpx(writer, 5, 10.0, 3600, "2024-05-12 08:30", "Morning run")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("created"))
                .andExpect(jsonPath("$.data.workouts", hasSize(1)))
                .andExpect(
                        jsonPath("$.data.workouts[0].id")
                                .value(
                                        org.hamcrest.Matchers.matchesPattern(
                                                "[2-9A-HJ-NP-Za-km-z]{22}")))
                .andExpect(jsonPath("$.data.workouts[0].title").value("Morning run"))
                .andExpect(jsonPath("$.data.workouts[0].sport_id").value(5))
                .andExpect(jsonPath("$.data.workouts[0].distance").value(10.0))
                .andExpect(jsonPath("$.data.workouts[0].duration").value("1:00:00"))
                .andExpect(jsonPath("$.data.workouts[0].ave_speed").value(10.0))
                .andExpect(jsonPath("$.data.workouts[0].with_file").value(false))
                .andExpect(jsonPath("$.data.workouts[0].user.username").value(writer.username()))
                .andExpect(
                        jsonPath("$.data.workouts[0].workout_date")
                                .value("Sun, 12 May 2024 06:30:00 GMT"));
    }

    @Test
    void aTokenWithOnlyWorkoutsReadCannotCreate() throws Exception {
        noGpx(userWith("workouts:read"), 5, 10.0, 3600, "2024-05-12 08:30", null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"))
                .andExpect(header().string("WWW-Authenticate", containsString("workouts:write")));
    }

    @Test
    void aTokenWithWorkoutsReadListsTheCallersWorkouts() throws Exception {
        String id = createdId(writer, 5, 10.0, 3600, "2024-05-12 08:30");
        createdId(userWith("workouts:write"), 5, 3.0, 1200, "2024-05-12 08:30");

        mvc.perform(get("/api/workouts").with(writer.withScope("workouts:read").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts", hasSize(1)))
                .andExpect(jsonPath("$.data.workouts[0].id").value(id))
                .andExpect(jsonPath("$.data.workouts[0].bounds", hasSize(0)))
                .andExpect(jsonPath("$.pagination.total").value(1));
    }

    @Test
    void aTokenWithOnlyWorkoutsWriteCannotList() throws Exception {
        mvc.perform(get("/api/workouts").with(userWith("workouts:write").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void withoutATokenTheListIsUnauthorizedInFittrackeeFormat() throws Exception {
        mvc.perform(get("/api/workouts"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }

    @Test
    void aSuspendedUserCannotListWorkouts() throws Exception {
        mvc.perform(get("/api/workouts").with(userWith("workouts:read", "suspended").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value("you do not have permissions, your account is suspended"));
    }

    @Test
    void theListIsPagedFilteredAndOrdered() throws Exception {
        createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");
        createdId(writer, 5, 10.0, 3600, "2024-02-01 10:00");
        createdId(writer, 1, 40.0, 5400, "2024-03-01 10:00");
        createdId(writer, 5, 21.1, 7200, "2024-04-01 10:00");

        mvc.perform(get("/api/workouts?per_page=2&page=2").with(writer.asBearer()))
                .andExpect(
                        jsonPath("$.data.workouts[*].distance")
                                .value(org.hamcrest.Matchers.contains(10.0, 5.0)))
                .andExpect(jsonPath("$.pagination.has_prev").value(true))
                .andExpect(jsonPath("$.pagination.has_next").value(false))
                .andExpect(jsonPath("$.pagination.pages").value(2));
        mvc.perform(
                        get("/api/workouts?sport_id=5&order_by=distance&order=asc")
                                .with(writer.asBearer()))
                .andExpect(
                        jsonPath("$.data.workouts[*].distance")
                                .value(org.hamcrest.Matchers.contains(5.0, 10.0, 21.1)));
        mvc.perform(get("/api/workouts?from=2024-02-01&to=2024-03-01").with(writer.asBearer()))
                .andExpect(jsonPath("$.data.workouts", hasSize(2)));
        mvc.perform(
                        get("/api/workouts?distance_from=6&distance_to=30&duration_from=01:00")
                                .with(writer.asBearer()))
                .andExpect(
                        jsonPath("$.data.workouts[*].distance")
                                .value(org.hamcrest.Matchers.contains(21.1, 10.0)));
        mvc.perform(get("/api/workouts?ave_pace_from=05:50&sport_id=5").with(writer.asBearer()))
                .andExpect(
                        jsonPath("$.data.workouts[*].distance")
                                .value(org.hamcrest.Matchers.contains(10.0, 5.0)));
    }

    @Test
    void theListCanCarryStatistics() throws Exception {
        createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");
        createdId(writer, 1, 40.0, 5400, "2024-03-01 10:00");

        mvc.perform(get("/api/workouts?with_statistics=true&per_page=1").with(writer.asBearer()))
                .andExpect(jsonPath("$.data.statistics.current_page.count").value(1))
                .andExpect(jsonPath("$.data.statistics.current_page.total_distance").value(40.0))
                .andExpect(jsonPath("$.data.statistics.all.count").value(2))
                .andExpect(jsonPath("$.data.statistics.all.total_distance").value(45.0))
                .andExpect(jsonPath("$.data.statistics.all.total_duration").value("2:00:00"))
                .andExpect(jsonPath("$.data.statistics.all.total_sports").value(2));
    }

    @Test
    void searchTextIsNeverSql() throws Exception {
        createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00", "100% effort_day");
        createdId(writer, 5, 5.0, 1800, "2024-01-02 10:00", "easy");

        mvc.perform(get("/api/workouts").param("title", "100%").with(writer.asBearer()))
                .andExpect(jsonPath("$.data.workouts", hasSize(1)));
        mvc.perform(get("/api/workouts").param("title", "%").with(writer.asBearer()))
                .andExpect(jsonPath("$.data.workouts", hasSize(1)));
        mvc.perform(get("/api/workouts").param("title", "' OR 1=1 --").with(writer.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=0",
                "page=abc",
                "per_page=-1",
                "sport_id=x",
                "from=2024-13-01",
                "to=yesterday",
                "duration_from=1h",
                "distance_to=-5",
                "distance_from=NaN",
                "ave_pace_from=5",
                "order=sideways",
                "order_by=title",
                "workout_visibility=everyone"
            })
    void badFiltersAreRefusedWithAMessage(String query) throws Exception {
        mvc.perform(get("/api/workouts?" + query).with(writer.asBearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").isNotEmpty());
    }

    @Test
    void theOwnerReadsAWorkoutAndItsNeighbours() throws Exception {
        String first = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");
        String second = createdId(writer, 5, 6.0, 1800, "2024-01-02 10:00");

        mvc.perform(get("/api/workouts/" + second).with(writer.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts[0].id").value(second))
                .andExpect(jsonPath("$.data.workouts[0].previous_workout").value(first))
                .andExpect(jsonPath("$.data.workouts[0].next_workout").isEmpty())
                .andExpect(jsonPath("$.data.workouts[0].description").isEmpty());
    }

    @Test
    void anotherUsersPrivateWorkoutIsNotFound() throws Exception {
        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");

        mvc.perform(get("/api/workouts/" + id).with(userWith("workouts:read").asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value("not found"))
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
        mvc.perform(get("/api/workouts/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void aPublicWorkoutIsReadableByOthersAndAnonymouslyButNotEditable() throws Exception {
        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");
        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(writer.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"workout_visibility\": \"public\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/workouts/" + id)).andExpect(status().isOk());
        TestToken other = userWith("workouts:read workouts:write");
        mvc.perform(get("/api/workouts/" + id).with(other.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts[0].previous_workout").isEmpty());
        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(other.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\": \"mine now\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
        mvc.perform(delete("/api/workouts/" + id).with(other.asBearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void caloriesReachOthersOnlyWhenTheOwnerShowsThem() throws Exception {
        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");
        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(writer.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"workout_visibility\": \"public\", \"calories\": 420}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts[0].calories").value(420));

        mvc.perform(get("/api/workouts/" + id).with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.workouts[0].calories").isEmpty());
        jdbc.sql("UPDATE users SET calories_visibility = 'public' WHERE subject = :subject")
                .param("subject", writer.subject())
                .update();
        mvc.perform(get("/api/workouts/" + id).with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.workouts[0].calories").value(420));
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedOnAnOptionalEndpoint() throws Exception {
        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");

        mvc.perform(get("/api/workouts/" + id).with(userWith("profile:read").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void theOwnerEditsAWorkoutWithWorkoutsWriteOnly() throws Exception {
        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");

        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(writer.withScope("workouts:write").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\": \"Longer\", \"distance\": 7.5, \"sport_id\":"
                                                + " 6}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts[0].title").value("Longer"))
                .andExpect(jsonPath("$.data.workouts[0].distance").value(7.5))
                .andExpect(jsonPath("$.data.workouts[0].sport_id").value(6))
                .andExpect(jsonPath("$.data.workouts[0].ave_speed").value(15.0));
        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(writer.withScope("workouts:read").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\": \"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void theOwnerDeletesAWorkout() throws Exception {
        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");

        mvc.perform(
                        delete("/api/workouts/" + id)
                                .with(writer.withScope("workouts:read").asBearer()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/workouts/" + id).with(writer.asBearer()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/workouts/" + id).with(writer.asBearer()))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "not json",
                "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10}",
                "{\"sport_id\": \"5\", \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\"}",
                "{\"sport_id\": 5, \"duration\": -1, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\"}",
                "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 1e12, \"workout_date\":"
                        + " \"2024-01-01 10:00\"}",
                "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"01/01/2024\"}",
                "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\", \"ascent\": 10}",
                "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\", \"title\": 5}",
                "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\", \"workout_visibility\": \"all\"}",
                "{\"sport_id\": 2147483648, \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\"}"
            })
    void badWorkoutsAreRefusedAndNothingIsWritten(String body) throws Exception {
        mvc.perform(
                        post("/api/workouts/no_gpx")
                                .with(writer.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"));

        mvc.perform(get("/api/workouts").with(writer.asBearer()))
                .andExpect(jsonPath("$.pagination.total").value(0));
    }

    @Test
    void anUnknownSportGetsFittrackeesMessagesAndNothingIsWritten() throws Exception {
        mvc.perform(
                        post("/api/workouts/no_gpx")
                                .with(writer.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"sport_id\": 99, \"duration\": 3600, \"distance\":"
                                                + " 10, \"workout_date\": \"2024-01-01 10:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("invalid"))
                .andExpect(jsonPath("$.message").value("Sport id: 99 does not exist"));
        mvc.perform(get("/api/workouts").with(writer.asBearer()))
                .andExpect(jsonPath("$.pagination.total").value(0));

        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00");
        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(writer.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": 99, \"title\": \"moved\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("invalid"))
                .andExpect(jsonPath("$.message").value("sport id 99 not found"));
        mvc.perform(get("/api/workouts/" + id).with(writer.asBearer()))
                .andExpect(jsonPath("$.data.workouts[0].sport_id").value(5))
                .andExpect(jsonPath("$.data.workouts[0].title").value("Running"));
    }

    @Test
    void aWorkoutMayBeRecordedForASportThatIsSwitchedOff() throws Exception {
        TestToken athlete = userWith("workouts:write workouts:read profile:write");
        mvc.perform(
                        patch("/api/auth/profile/edit/sports")
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": 4, \"is_active\": false}"))
                .andExpect(status().isOk());

        noGpx(athlete, 4, 20.0, 3600, "2024-05-12 08:30", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.workouts[0].sport_id").value(4));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{}",
                "not json",
                "{\"title\": ",
                "[\"title\"]",
                "\"title\"",
                "{\"unknown\": 1}",
                "{\"title\": 5}",
                "{\"title\": [\"a\"]}",
                "{\"notes\": {\"a\": 1}}",
                "{\"sport_id\": \"6\"}",
                "{\"sport_id\": 6.5}",
                "{\"sport_id\": -1}",
                "{\"sport_id\": 18446744073709551621}",
                "{\"distance\": \"far\"}",
                "{\"distance\": -1}",
                "{\"duration\": 0}",
                "{\"duration\": 1e400}",
                "{\"workout_date\": 20240101}",
                "{\"workout_date\": \"+300000-01-01 10:00\"}",
                "{\"workout_date\": \"2024-01-01\"}",
                "{\"ascent\": 10}",
                "{\"ascent\": \"high\", \"descent\": 1}",
                "{\"calories\": -5}",
                "{\"calories\": \"many\"}",
                "{\"workout_visibility\": \"everyone\"}",
                "{\"map_visibility\": true}",
                "{\"title\": \"ok\", \"analysis_visibility\": 1}"
            })
    void aBadEditIsRefusedWithAMessageAndChangesNothing(String body) throws Exception {
        String id = createdId(writer, 5, 5.0, 1800, "2024-01-01 10:00", "Before");
        String before =
                mvc.perform(get("/api/workouts/" + id).with(writer.asBearer()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();

        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(writer.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").isNotEmpty());

        String after =
                mvc.perform(get("/api/workouts/" + id).with(writer.asBearer()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void longTextsAreCutToFittrackeesLimits() throws Exception {
        String body =
                "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\", \"title\": \""
                        + "t".repeat(300)
                        + "\", \"notes\": \""
                        + "n".repeat(600)
                        + "\"}";

        String response =
                mvc.perform(
                                post("/api/workouts/no_gpx")
                                        .with(writer.asBearer())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();

        assertThat((String) JsonPath.read(response, "$.data.workouts[0].title")).hasSize(255);
        assertThat((String) JsonPath.read(response, "$.data.workouts[0].notes")).hasSize(500);
    }

    @Test
    void anUnknownOrMalformedWorkoutIdIsNotFound() throws Exception {
        for (String id :
                List.of("unknown", "2222222222222222222222", "zzzzzzzzzzzzzzzzzzzzzz", "'--")) {
            mvc.perform(get("/api/workouts/" + id).with(writer.asBearer()))
                    .andExpect(status().isNotFound());
        }
    }

    ResultActions noGpx(
            TestToken token, int sportId, double distance, int duration, String date, String title)
            throws Exception {
        String titleJson = title == null ? "" : ", \"title\": \"" + title + "\"";
        return mvc.perform(
                post("/api/workouts/no_gpx")
                        .with(token.asBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"sport_id\": "
                                        + sportId
                                        + ", \"distance\": "
                                        + distance
                                        + ", \"duration\": "
                                        + duration
                                        + ", \"workout_date\": \""
                                        + date
                                        + "\""
                                        + titleJson
                                        + "}"));
    }

    String createdId(TestToken token, int sportId, double distance, int duration, String date)
            throws Exception {
        return createdId(token, sportId, distance, duration, date, null);
    }

    String createdId(
            TestToken token, int sportId, double distance, int duration, String date, String title)
            throws Exception {
        String response =
                noGpx(token, sportId, distance, duration, date, title)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        return JsonPath.read(response, "$.data.workouts[0].id");
    }
}
