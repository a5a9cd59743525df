package org.fittrackee.api.workouts;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class UserWorkoutsTest extends ApiTest {

    private final TestToken owner = userWith("workouts:read workouts:write");

    @BeforeEach
    void sevenWorkoutsOneOfThemPublic() throws Exception {
        for (int day = 1; day <= 7; day++) {
            String id = create("2024-01-0" + day + " 10:00");
            if (day == 1) {
                mvc.perform(
                                patch("/api/workouts/" + id)
                                        .with(owner.asBearer())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"workout_visibility\": \"public\"}"))
                        .andExpect(status().isOk());
            }
        }
    }

    @Test
    void theOwnerSeesTheirLatestFive() throws Exception {
        mvc.perform(get("/api/users/" + owner.username() + "/workouts").with(owner.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts", hasSize(5)))
                .andExpect(
                        jsonPath("$.data.workouts[0].workout_date")
                                .value("Sun, 07 Jan 2024 09:00:00 GMT"));
    }

    @Test
    void othersAndAnonymousVisitorsSeeOnlyPublicWorkouts() throws Exception {
        mvc.perform(get("/api/users/" + owner.username() + "/workouts"))
                .andExpect(jsonPath("$.data.workouts", hasSize(1)));
        mvc.perform(
                        get("/api/users/" + owner.username().toUpperCase() + "/workouts")
                                .with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.workouts", hasSize(1)));
    }

    @Test
    void itNeedsWorkoutsReadWhenATokenIsSent() throws Exception {
        mvc.perform(
                        get("/api/users/" + owner.username() + "/workouts")
                                .with(userWith("users:read").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void anUnknownUserDoesNotExist() throws Exception {
        mvc.perform(get("/api/users/nobody-here/workouts"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("user does not exist"));
    }

    private String create(String date) throws Exception {
        return createWorkout(owner, 5, 5, 1800, date);
    }
}
