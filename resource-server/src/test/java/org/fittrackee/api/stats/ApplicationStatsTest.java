package org.fittrackee.api.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/stats/all}: the instance's counts, for moderators and above. */
class ApplicationStatsTest extends StatsApiTest {

    private Map<String, Object> counts(TestToken token) throws Exception {
        String body =
                mvc.perform(get("/api/stats/all").with(token.asBearer()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("success"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        return JsonPath.read(body, "$.data");
    }

    private long number(Map<String, Object> counts, String key) {
        return ((Number) counts.get(key)).longValue();
    }

    @Test
    void aModeratorSeesWhatIsAdded() throws Exception {
        TestToken moderator = userWith("workouts:read", "moderator");
        boolean swimrunHadWorkouts =
                jdbc.sql("SELECT EXISTS (SELECT 1 FROM workouts WHERE sport_id = 18)")
                        .query(Boolean.class)
                        .single();
        Map<String, Object> before = counts(moderator);

        long userId = registered(userWith("workouts:read"));
        workout(userId, 18, "2024-01-01T08:00:00Z").insert();
        long withFile = workout(userId, 18, "2024-01-02T08:00:00Z").insert();
        String gpx = "<gpx><name>Crème brûlée</name></gpx>";
        jdbc.sql("INSERT INTO workout_files VALUES (:id, 'run.gpx', :gpx)")
                .param("id", withFile)
                .param("gpx", gpx.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update();
        jdbc.sql(
                        "INSERT INTO users (subject, username, is_active)"
                                + " VALUES (gen_random_uuid()::text, 'inactive', FALSE)")
                .update();
        Map<String, Object> after = counts(moderator);

        assertThat(number(after, "workouts")).isEqualTo(number(before, "workouts") + 2);
        assertThat(number(after, "users")).isEqualTo(number(before, "users") + 1);
        assertThat(number(after, "sports"))
                .isEqualTo(number(before, "sports") + (swimrunHadWorkouts ? 0 : 1));
        assertThat(number(after, "uploads_dir_size"))
                .isEqualTo(
                        number(before, "uploads_dir_size")
                                + gpx.getBytes(StandardCharsets.UTF_8).length);
        assertThat(after).containsOnlyKeys("workouts", "sports", "users", "uploads_dir_size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "owner"})
    void higherRolesSeeThemToo(String role) throws Exception {
        mvc.perform(get("/api/stats/all").with(userWith("workouts:read", role).asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts").isNumber());
    }

    @Test
    void aUserIsForbidden() throws Exception {
        mvc.perform(get("/api/stats/all").with(userWith("workouts:read").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
    }

    @Test
    void anotherScopeIsInsufficient() throws Exception {
        mvc.perform(
                        get("/api/stats/all")
                                .with(userWith("workouts:write users:read", "admin").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void aSuspendedModeratorIsRefused() throws Exception {
        mvc.perform(
                        get("/api/stats/all")
                                .with(
                                        userWith("workouts:read", "moderator", "suspended")
                                                .asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value("you do not have permissions, your account is suspended"));
    }

    @Test
    void withoutATokenItIsUnauthorized() throws Exception {
        mvc.perform(get("/api/stats/all"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }
}
