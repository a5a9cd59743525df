package org.fittrackee.api.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.fittrackee.api.testing.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

@Import(StatementCounter.class)
class WorkoutListQueriesTest extends ApiTest {

    @Test
    void listingTwentyWorkoutsTakesAsManyQueriesAsListingOne() throws Exception {
        TestToken few = userWith("workouts:read workouts:write");
        TestToken many = userWith("workouts:read workouts:write");
        create(few, 1);
        create(many, 20);

        int queriesForOne = queriesToList(few);
        int queriesForTwenty = queriesToList(many);

        assertThat(queriesForTwenty).isEqualTo(queriesForOne).isLessThan(10);
    }

    private int queriesToList(TestToken token) throws Exception {
        mvc.perform(get("/api/workouts?per_page=50").with(token.asBearer()))
                .andExpect(status().isOk());
        StatementCounter.reset();
        mvc.perform(get("/api/workouts?per_page=50&with_statistics=true").with(token.asBearer()))
                .andExpect(status().isOk());
        return StatementCounter.count();
    }

    private void create(TestToken token, int workouts) throws Exception {
        for (int i = 0; i < workouts; i++) {
            createWorkout(token, 5, 5, 1800, "2024-01-01 10:00");
        }
    }
}
