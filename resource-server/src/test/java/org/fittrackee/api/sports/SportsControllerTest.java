package org.fittrackee.api.sports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

class SportsControllerTest extends ApiTest {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void reactivateEverySport() {
        jdbc.sql("UPDATE sports SET is_active = TRUE").update();
    }

    /**
     * FitTrackee 1.2.2's sports as its migrations seed a new instance: id, label, stopped-speed
     * threshold and, for the sports that can show a pace, the default display.
     */
    private static final List<List<Object>> FITTRACKEE_SPORTS =
            List.of(
                    List.of(1, "Cycling (Sport)", 1.0),
                    List.of(2, "Cycling (Transport)", 1.0),
                    List.of(3, "Hiking", 0.1, "pace"),
                    List.of(4, "Mountain Biking", 1.0),
                    List.of(5, "Running", 1.0, "pace"),
                    List.of(6, "Walking", 0.1, "pace"),
                    List.of(7, "Mountain Biking (Electric)", 1.0),
                    List.of(8, "Trail", 0.1, "pace"),
                    List.of(9, "Skiing (Alpine)", 1.0),
                    List.of(10, "Skiing (Cross Country)", 0.1),
                    List.of(11, "Rowing", 1.0),
                    List.of(12, "Snowshoes", 0.1),
                    List.of(13, "Cycling (Virtual)", 1.0),
                    List.of(14, "Mountaineering", 0.1),
                    List.of(15, "Paragliding", 0.1),
                    List.of(16, "Open Water Swimming", 0.1),
                    List.of(17, "Cycling (Trekking)", 1.0),
                    List.of(18, "Swimrun", 0.1),
                    List.of(19, "Kayaking", 1.0),
                    List.of(20, "Canoeing", 1.0),
                    List.of(21, "Halfbike", 1.0),
                    List.of(22, "Windsurfing", 1.0),
                    List.of(23, "Standup Paddleboarding", 1.0),
                    List.of(24, "Tennis (Outdoor)", 0.1),
                    List.of(25, "Padel (Outdoor)", 0.1),
                    List.of(26, "Canoeing (Whitewater)", 1.0),
                    List.of(27, "Kayaking (Whitewater)", 1.0),
                    List.of(28, "Ice Skating", 1.0),
                    List.of(29, "Inline Skating", 1.0));

    @Test
    void anyoneListsFittrackeesSports() throws Exception {
        String body =
                mvc.perform(get("/api/sports"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();

        List<Map<String, Object>> sports = JsonPath.read(body, "$.data.sports");
        assertThat(sports).hasSameSizeAs(FITTRACKEE_SPORTS);
        for (int i = 0; i < sports.size(); i++) {
            Map<String, Object> sport = sports.get(i);
            List<Object> expected = FITTRACKEE_SPORTS.get(i);
            assertThat(sport.get("id")).isEqualTo(expected.get(0));
            assertThat(sport.get("label")).isEqualTo(expected.get(1));
            assertThat(((Number) sport.get("stopped_speed_threshold")).doubleValue())
                    .as("threshold of %s", expected.get(1))
                    .isEqualTo(expected.get(2));
            assertThat(sport.get("pace_speed_display"))
                    .as("pace_speed_display of %s", expected.get(1))
                    .isEqualTo(expected.size() > 3 ? expected.get(3) : null);
            assertThat(sport.get("color")).isNull();
            assertThat(sport.get("is_active")).isEqualTo(true);
            assertThat(sport.get("default_equipments")).isEqualTo(List.of());
        }
    }

    @Test
    void aUsersOwnPaceOrSpeedIsShownForPaceSportsOnly() throws Exception {
        TestToken token = userWith("workouts:read profile:write");
        mvc.perform(
                        patch("/api/auth/profile/edit/sports")
                                .with(token.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": 5, \"pace_speed_display\": \"speed\"}"))
                .andExpect(status().isOk());
        mvc.perform(
                        patch("/api/auth/profile/edit/sports")
                                .with(token.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": 1, \"color\": \"#123456\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/sports/5").with(token.asBearer()))
                .andExpect(jsonPath("$.data.sports[0].pace_speed_display").value("speed"));
        mvc.perform(get("/api/sports/1").with(token.asBearer()))
                .andExpect(jsonPath("$.data.sports[0].color").value("#123456"))
                .andExpect(jsonPath("$.data.sports[0].pace_speed_display").doesNotExist());
    }

    @Test
    void aTokenWithoutWorkoutsReadCannotListSports() throws Exception {
        mvc.perform(get("/api/sports").with(userWith("profile:read").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void aTokenWithWorkoutsReadReadsOneSport() throws Exception {
        mvc.perform(get("/api/sports/5").with(userWith("workouts:read").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.sports[0].label").value("Running"))
                .andExpect(jsonPath("$.data.sports[0].is_active_for_user").value(true));
        mvc.perform(get("/api/sports/5").with(userWith("workouts:write").asBearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownSportIsADataStyleNotFound() throws Exception {
        for (String id : new String[] {"99", "0", "abc", "1'--", "99999999999"}) {
            mvc.perform(get("/api/sports/" + id).with(userWith("workouts:read").asBearer()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.status").value("not found"))
                    .andExpect(jsonPath("$.data.sports", hasSize(0)));
        }
    }

    @Test
    void anInactiveSportIsStillListedAndReadByEveryoneAsInactive() throws Exception {
        mvc.perform(
                        patch("/api/sports/3")
                                .with(userWith("workouts:write", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"is_active\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.sports[0].is_active").value(false))
                .andExpect(jsonPath("$.data.sports[0].is_active_for_user").value(false));

        mvc.perform(get("/api/sports"))
                .andExpect(jsonPath("$.data.sports", hasSize(FITTRACKEE_SPORTS.size())))
                .andExpect(jsonPath("$.data.sports[2].is_active").value(false))
                .andExpect(jsonPath("$.data.sports[2].is_active_for_user").value(false));
        mvc.perform(get("/api/sports").with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.sports", hasSize(FITTRACKEE_SPORTS.size())))
                .andExpect(jsonPath("$.data.sports[2].is_active").value(false));
        mvc.perform(get("/api/sports/3").with(userWith("workouts:read").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.sports[0].label").value("Hiking"))
                .andExpect(jsonPath("$.data.sports[0].is_active").value(false))
                .andExpect(jsonPath("$.data.sports[0].is_active_for_user").value(false));
    }

    @Test
    void aSportTheUserSwitchedOffIsActiveButNotForThem() throws Exception {
        TestToken token = userWith("workouts:read profile:write");
        mvc.perform(
                        patch("/api/auth/profile/edit/sports")
                                .with(token.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": 4, \"is_active\": false}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/sports").with(token.asBearer()))
                .andExpect(jsonPath("$.data.sports[3].is_active").value(true))
                .andExpect(jsonPath("$.data.sports[3].is_active_for_user").value(false));
        mvc.perform(get("/api/sports/4").with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.sports[0].is_active_for_user").value(true));
    }

    @Test
    void onlyAnAdminWithWorkoutsWriteChangesASport() throws Exception {
        mvc.perform(
                        patch("/api/sports/3")
                                .with(userWith("workouts:write").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"is_active\": false}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
        mvc.perform(
                        patch("/api/sports/3")
                                .with(userWith("workouts:read", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"is_active\": false}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void aSportChangeNeedsIsActiveAsABoolean() throws Exception {
        for (String body : new String[] {"{}", "{\"is_active\": \"no\"}", "oops"}) {
            mvc.perform(
                            patch("/api/sports/3")
                                    .with(userWith("workouts:write", "admin").asBearer())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value("invalid payload"));
        }
    }

    @Test
    void anAdminCanAskWhichSportsHaveWorkouts() throws Exception {
        mvc.perform(
                        get("/api/sports?check_workouts=true")
                                .with(userWith("workouts:read", "admin").asBearer()))
                .andExpect(jsonPath("$.data.sports[0].has_workouts").isBoolean());
        mvc.perform(
                        get("/api/sports?check_workouts=true")
                                .with(userWith("workouts:read", "owner", "admin").asBearer()))
                .andExpect(jsonPath("$.data.sports[0].has_workouts").isBoolean());
        mvc.perform(get("/api/sports?check_workouts=true"))
                .andExpect(jsonPath("$.data.sports[0].has_workouts").doesNotExist());
        mvc.perform(
                        get("/api/sports?check_workouts=true")
                                .with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.sports[0].has_workouts").doesNotExist());
    }
}
