package org.fittrackee.api.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

class SportPreferenceControllerTest extends ApiTest {

    private static final int CYCLING_SPORT = 1;
    private static final int RUNNING = 5;

    @Autowired JdbcClient jdbc;

    // PATCH (and POST) /api/auth/profile/edit/sports

    @Test
    void aUserSetsASportColorWithProfileWrite() throws Exception {
        TestToken token = userWith("profile:write");

        edit(token, "{\"sport_id\": 5, \"color\": \"#a1B2c3\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.message").value("user sport preferences updated"))
                .andExpect(jsonPath("$.data.sport_id").value(RUNNING))
                .andExpect(jsonPath("$.data.color").value("#a1B2c3"))
                .andExpect(jsonPath("$.data.is_active").value(true))
                .andExpect(jsonPath("$.data.stopped_speed_threshold").value(1.0))
                .andExpect(jsonPath("$.data.pace_speed_display").value("pace"))
                .andExpect(jsonPath("$.data.default_equipments").isEmpty())
                .andExpect(jsonPath("$.data.user_id").isNumber());
    }

    @Test
    void laterChangesKeepEarlierOnes() throws Exception {
        TestToken token = userWith("profile:write");
        edit(token, "{\"sport_id\": 1, \"color\": \"#fff\"}").andExpect(status().isOk());

        edit(token, "{\"sport_id\": 1, \"is_active\": false, \"stopped_speed_threshold\": 2.5}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.color").value("#fff"))
                .andExpect(jsonPath("$.data.is_active").value(false))
                .andExpect(jsonPath("$.data.stopped_speed_threshold").value(2.5))
                .andExpect(jsonPath("$.data.pace_speed_display").value("speed"));
        edit(token, "{\"sport_id\": 1, \"color\": null, \"pace_speed_display\": \"\"}")
                .andExpect(jsonPath("$.data.color").value("#fff"))
                .andExpect(jsonPath("$.data.is_active").value(false));
    }

    @Test
    void theDeprecatedPostIsAlsoAccepted() throws Exception {
        mvc.perform(
                        post("/api/auth/profile/edit/sports")
                                .with(userWith("profile:write").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"sport_id\": 5, \"pace_speed_display\": \"speed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.pace_speed_display").value("speed"));
    }

    @Test
    void editingSportPreferencesNeedsProfileWrite() throws Exception {
        edit(userWith("profile:read"), "{\"sport_id\": 5, \"color\": \"#000000\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void aSuspendedUserCannotEditSportPreferences() throws Exception {
        edit(userWith("profile:write", "suspended"), "{\"sport_id\": 5, \"color\": \"#000000\"}")
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value("you do not have permissions, your account is suspended"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "0", "-1", "2147483648", "99999999999999999999999"})
    void anUnknownSportIsNotFound(String sportId) throws Exception {
        edit(userWith("profile:write"), "{\"sport_id\": " + sportId + ", \"color\": \"#000\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value("not found"))
                .andExpect(jsonPath("$.message").value("sport does not exist"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"sport_id\": 5}",
                "{\"color\": \"#000\"}",
                "{\"sport_id\": 5, \"unknown\": 1}",
                "{\"sport_id\": \"5\", \"color\": \"#000\"}",
                "{\"sport_id\": 5.5, \"color\": \"#000\"}",
                "{\"sport_id\": null, \"color\": \"#000\"}",
                "{}",
                "[]",
                "not json"
            })
    void anIncompleteOrMalformedBodyIsAnInvalidPayload(String body) throws Exception {
        edit(userWith("profile:write"), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("invalid payload"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"000000\"", "\"#00000g\"", "\"#0000\"", "\"red\"", "12", "true"})
    void anInvalidColorIsRefused(String color) throws Exception {
        edit(userWith("profile:write"), "{\"sport_id\": 5, \"color\": " + color + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("invalid hexadecimal color"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"1\"", "true", "null", "1e400"})
    void aStoppedSpeedThresholdMustBeAPositiveNumber(String threshold) throws Exception {
        edit(
                        userWith("profile:write"),
                        "{\"sport_id\": 5, \"stopped_speed_threshold\": " + threshold + "}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.message")
                                .value(
                                        "'stopped_speed_threshold' must be an integer greater"
                                                + " then 0"));
    }

    @Test
    void aSportWithoutPaceOnlyShowsSpeed() throws Exception {
        edit(userWith("profile:write"), "{\"sport_id\": 1, \"pace_speed_display\": \"pace\"}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.message")
                                .value(
                                        "invalid pace_speed_display for sport 'Cycling (Sport)',"
                                                + " only speed can be displayed."));
    }

    @Test
    void anUnknownPaceSpeedDisplayIsRefused() throws Exception {
        edit(userWith("profile:write"), "{\"sport_id\": 5, \"pace_speed_display\": \"fast\"}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.message")
                                .value(
                                        "pace_speed_display must be one of: pace, speed,"
                                                + " pace_and_speed"));
    }

    @Test
    void aRefusedChangeWritesNothing() throws Exception {
        TestToken token = userWith("profile:write");

        edit(token, "{\"sport_id\": 5, \"color\": \"#123456\", \"is_active\": \"no\"}")
                .andExpect(status().isBadRequest());

        assertThat(preferenceCount(token)).isZero();
    }

    @Test
    void noEquipmentExistsHere() throws Exception {
        TestToken token = userWith("profile:write");

        edit(token, "{\"sport_id\": 5, \"default_equipment_ids\": []}").andExpect(status().isOk());
        edit(token, "{\"sport_id\": 5, \"default_equipment_ids\": [\"abc\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("not_found"))
                .andExpect(jsonPath("$.equipment_id").value("abc"))
                .andExpect(jsonPath("$.message").value("equipment with id abc does not exist"));
        edit(token, "{\"sport_id\": 5, \"default_equipment_ids\": \"abc\"}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.message").value("equipment_ids must be an array of strings"));
    }

    // DELETE /api/auth/profile/reset/sports/<sport_id>

    @Test
    void aUserResetsTheirSportPreferences() throws Exception {
        TestToken token = userWith("profile:write");
        edit(token, "{\"sport_id\": 1, \"color\": \"#000000\"}").andExpect(status().isOk());
        edit(token, "{\"sport_id\": 5, \"color\": \"#000000\"}").andExpect(status().isOk());

        mvc.perform(delete("/api/auth/profile/reset/sports/1").with(token.asBearer()))
                .andExpect(status().isNoContent());

        assertThat(preferenceCount(token)).isEqualTo(1);
    }

    @Test
    void resettingASportWithoutPreferencesIsFine() throws Exception {
        mvc.perform(
                        delete("/api/auth/profile/reset/sports/" + CYCLING_SPORT)
                                .with(userWith("profile:write").asBearer()))
                .andExpect(status().isNoContent());
    }

    @Test
    void resettingNeedsProfileWrite() throws Exception {
        mvc.perform(
                        delete("/api/auth/profile/reset/sports/1")
                                .with(userWith("profile:read").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void aSuspendedUserCannotReset() throws Exception {
        mvc.perform(
                        delete("/api/auth/profile/reset/sports/1")
                                .with(userWith("profile:write", "suspended").asBearer()))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "abc", "1.5", "99999999999999999999", "1 OR 1=1"})
    void resettingAnUnknownSportIsNotFound(String sportId) throws Exception {
        mvc.perform(
                        delete("/api/auth/profile/reset/sports/{id}", sportId)
                                .with(userWith("profile:write").asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("sport does not exist"));
    }

    @Test
    void anotherUsersPreferencesAreUntouched() throws Exception {
        TestToken owner = userWith("profile:write");
        edit(owner, "{\"sport_id\": 5, \"color\": \"#000000\"}").andExpect(status().isOk());

        mvc.perform(
                        delete("/api/auth/profile/reset/sports/5")
                                .with(userWith("profile:write").asBearer()))
                .andExpect(status().isNoContent());

        assertThat(preferenceCount(owner)).isEqualTo(1);
        mvc.perform(get("/api/auth/profile").with(owner.withScope("profile:read").asBearer()))
                .andExpect(status().isOk());
    }

    private ResultActions edit(TestToken token, String body) throws Exception {
        return mvc.perform(
                patch("/api/auth/profile/edit/sports")
                        .with(token.asBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
    }

    private long preferenceCount(TestToken token) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM user_sport_preferences p
                        JOIN users u ON u.id = p.user_id WHERE u.subject = :subject
                        """)
                .param("subject", token.subject())
                .query(Long.class)
                .single();
    }
}
