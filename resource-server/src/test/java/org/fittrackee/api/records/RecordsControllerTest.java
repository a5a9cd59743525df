package org.fittrackee.api.records;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RecordsControllerTest extends ApiTest {

    private final TestToken athlete = userWith("workouts:read workouts:write");

    @Test
    void recordsFollowEveryWorkoutWriteUpdateAndDelete() throws Exception {
        String slow = create(5, 10.0, 3600, "2024-01-01 10:00");
        String fast = create(5, 12.0, 3000, "2024-01-02 10:00");

        mvc.perform(get("/api/records").with(athlete.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.records", hasSize(6)))
                .andExpect(jsonPath("$.data.records[?(@.record_type=='HA')]", hasSize(0)))
                .andExpect(jsonPath("$.data.records[?(@.record_type=='FD')].value").value(12.0))
                .andExpect(
                        jsonPath("$.data.records[?(@.record_type=='FD')].workout_id").value(fast))
                .andExpect(jsonPath("$.data.records[?(@.record_type=='AS')].value").value(14.4))
                .andExpect(
                        jsonPath("$.data.records[?(@.record_type=='LD')].value").value("1:00:00"))
                .andExpect(
                        jsonPath("$.data.records[?(@.record_type=='AP')].value").value("0:04:10"));

        mvc.perform(
                        patch("/api/workouts/" + slow)
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"distance\": 15.0}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/records").with(athlete.asBearer()))
                .andExpect(
                        jsonPath("$.data.records[?(@.record_type=='FD')].workout_id").value(slow))
                .andExpect(jsonPath("$.data.records[?(@.record_type=='AS')].value").value(15.0));

        mvc.perform(delete("/api/workouts/" + slow).with(athlete.asBearer()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/records").with(athlete.asBearer()))
                .andExpect(
                        jsonPath("$.data.records[?(@.record_type=='FD')].workout_id").value(fast));

        mvc.perform(delete("/api/workouts/" + fast).with(athlete.asBearer()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/records").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.records", hasSize(0)));
    }

    @Test
    void changingTheSportMovesTheRecords() throws Exception {
        String workout = create(5, 10.0, 3600, "2024-01-01 10:00");

        mvc.perform(
                        patch("/api/workouts/" + workout)
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": 1}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/records").with(athlete.asBearer()))
                .andExpect(
                        jsonPath("$.data.records[*].sport_id")
                                .value(
                                        org.hamcrest.Matchers.everyItem(
                                                org.hamcrest.Matchers.is(1))));
    }

    @Test
    void theOwnProfileListsTheRecords() throws Exception {
        String workout = create(5, 10.0, 3600, "2024-01-01 10:00");

        mvc.perform(get("/api/auth/profile").with(athlete.withScope("profile:read").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.records", hasSize(6)))
                .andExpect(jsonPath("$.data.records[0].workout_id").value(workout));
    }

    @Test
    void recordsNeedWorkoutsRead() throws Exception {
        mvc.perform(get("/api/records").with(userWith("workouts:write").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void anotherUsersRecordsAreNotListed() throws Exception {
        create(5, 10.0, 3600, "2024-01-01 10:00");

        mvc.perform(get("/api/records").with(userWith("workouts:read").asBearer()))
                .andExpect(jsonPath("$.data.records", hasSize(0)));
    }

    private String create(int sportId, double distance, int duration, String date)
            throws Exception {
        return createWorkout(athlete, sportId, distance, duration, date);
    }
}
