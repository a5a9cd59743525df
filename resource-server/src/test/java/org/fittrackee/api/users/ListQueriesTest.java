package org.fittrackee.api.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.fittrackee.api.testing.ApiTest;
import org.fittrackee.api.testing.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lists cost the same number of queries whatever their length: no query per row. */
@Import(StatementCounter.class)
class ListQueriesTest extends ApiTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theUsersDirectoryTakesAsManyQueriesForTwentyUsersAsForOne() throws Exception {
        String few = listedUsers(1);
        String many = listedUsers(20);
        TestToken caller = userWith("users:read");

        int queriesForOne = queries("/api/users?per_page=50&q=" + few, caller);
        int queriesForTwenty = queries("/api/users?per_page=50&q=" + many, caller);

        assertThat(queriesForTwenty).isEqualTo(queriesForOne).isLessThan(10);
    }

    @Test
    void recordsTakeAsManyQueriesForManySportsAsForOne() throws Exception {
        TestToken few = userWith("workouts:read workouts:write");
        TestToken many = userWith("workouts:read workouts:write");
        createWorkout(few, 1, 10, 1800, "2024-01-01 10:00");
        for (int sport : List.of(1, 2, 3, 4, 5, 6, 7, 8)) {
            createWorkout(many, sport, 10 + sport, 1800 + sport, "2024-01-0" + sport + " 10:00");
        }

        int queriesForOne = queries("/api/records", few);
        int queriesForEight = queries("/api/records", many);

        assertThat(queriesForEight).isEqualTo(queriesForOne).isLessThan(10);
    }

    @Test
    void aUsersLatestWorkoutsTakeAsManyQueriesForFiveAsForOne() throws Exception {
        TestToken few = userWith("workouts:read workouts:write");
        TestToken many = userWith("workouts:read workouts:write");
        createWorkout(few, 5, 5, 1800, "2024-01-01 10:00");
        for (int day = 1; day <= 8; day++) {
            createWorkout(many, 5, 5 + day, 1800, "2024-01-0" + day + " 10:00");
        }

        int queriesForOne = queries("/api/users/" + few.username() + "/workouts", few);
        int queriesForFive = queries("/api/users/" + many.username() + "/workouts", many);

        assertThat(queriesForFive).isEqualTo(queriesForOne).isLessThan(12);
    }

    /** Creates users shown in the directory under a new common prefix, which it returns. */
    private String listedUsers(int count) throws Exception {
        String prefix = "lq" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            TestToken user =
                    new TestToken(
                            UUID.randomUUID().toString(),
                            prefix + "-" + i,
                            "profile:read",
                            List.of());
            mvc.perform(get("/api/auth/profile").with(user.asBearer())).andExpect(status().isOk());
            jdbc.sql(
                            "UPDATE users SET hide_profile_in_users_directory = FALSE"
                                    + " WHERE subject = :subject")
                    .param("subject", user.subject())
                    .update();
        }
        return prefix;
    }

    /** The statements of the second call; the first one creates the caller's user if needed. */
    private int queries(String path, TestToken caller) throws Exception {
        mvc.perform(get(path).with(caller.withScope(scopeFor(path)).asBearer()))
                .andExpect(status().isOk());
        StatementCounter.reset();
        mvc.perform(get(path).with(caller.withScope(scopeFor(path)).asBearer()))
                .andExpect(status().isOk());
        return StatementCounter.count();
    }

    private static String scopeFor(String path) {
        return path.startsWith("/api/users?") ? "users:read" : "workouts:read";
    }
}
