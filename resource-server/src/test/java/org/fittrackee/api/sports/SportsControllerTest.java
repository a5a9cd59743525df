package org.fittrackee.api.sports;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

    @Test
    void anyoneListsFittrackeesSports() throws Exception {
        mvc.perform(get("/api/sports"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.sports", hasSize(18)))
                .andExpect(jsonPath("$.data.sports[0].label").value("Cycling (Sport)"))
                .andExpect(jsonPath("$.data.sports[2].stopped_speed_threshold").value(0.1));
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
    void anAdminDeactivatesASportWhichOthersThenNoLongerSee() throws Exception {
        mvc.perform(
                        patch("/api/sports/3")
                                .with(userWith("workouts:write", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"is_active\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.sports[0].is_active").value(false));

        mvc.perform(get("/api/sports")).andExpect(jsonPath("$.data.sports", hasSize(17)));
        mvc.perform(get("/api/sports/3").with(userWith("workouts:read").asBearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/sports").with(userWith("workouts:read", "admin").asBearer()))
                .andExpect(jsonPath("$.data.sports", hasSize(18)));
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
                                .with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.sports[0].has_workouts").doesNotExist());
    }
}
