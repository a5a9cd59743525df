package org.fittrackee.api.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

class ProfileControllerTest extends ApiTest {

    private static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    // GET /api/auth/profile

    @Test
    void aUserReadsTheirOwnProfileWithProfileRead() throws Exception {
        TestToken token = userWith("profile:read");

        mvc.perform(get("/api/auth/profile").with(token.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.data.username").value(token.username()))
                .andExpect(jsonPath("$.data.role").value("user"))
                .andExpect(jsonPath("$.data.is_active").value(true))
                .andExpect(jsonPath("$.data.email").isEmpty())
                .andExpect(jsonPath("$.data.nb_workouts").value(0))
                .andExpect(jsonPath("$.data.records").isEmpty())
                .andExpect(jsonPath("$.data.total_duration").value("0:00:00"))
                .andExpect(jsonPath("$.data.timezone").value("Europe/Paris"))
                .andExpect(jsonPath("$.data.language").value("en"))
                .andExpect(jsonPath("$.data.date_format").value("MM/dd/yyyy"))
                .andExpect(jsonPath("$.data.start_elevation_at_zero").value(true))
                .andExpect(jsonPath("$.data.split_workout_charts").value(true))
                .andExpect(jsonPath("$.data.use_dark_mode").value(false))
                .andExpect(jsonPath("$.data.missing_elevations_processing").value("file"))
                .andExpect(jsonPath("$.data.workouts_visibility").value("private"))
                .andExpect(jsonPath("$.data.hide_profile_in_users_directory").value(true))
                .andExpect(jsonPath("$.data.accepted_privacy_policy").isEmpty())
                .andExpect(jsonPath("$.data.sanctions_count").value(0))
                .andExpect(jsonPath("$.data.notification_preferences").isMap())
                .andExpect(jsonPath("$.data.follows").doesNotExist());
    }

    @Test
    void readingTheProfileNeedsProfileRead() throws Exception {
        mvc.perform(get("/api/auth/profile").with(userWith("profile:write").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(INSUFFICIENT_SCOPE));
    }

    @Test
    void withoutATokenTheProfileIsUnauthorized() throws Exception {
        mvc.perform(get("/api/auth/profile"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }

    @Test
    void aSuspendedUserStillReadsTheirProfile() throws Exception {
        mvc.perform(get("/api/auth/profile").with(userWith("profile:read", "suspended").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.suspended_at").isNotEmpty());
    }

    @Test
    void aDeactivatedUserIsUnauthorized() throws Exception {
        TestToken token = userWith("profile:read");
        mvc.perform(get("/api/auth/profile").with(token.asBearer())).andExpect(status().isOk());
        jdbc.sql("UPDATE users SET is_active = FALSE WHERE subject = :subject")
                .param("subject", token.subject())
                .update();

        mvc.perform(get("/api/auth/profile").with(token.asBearer()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theProfileCountsTheUsersWorkouts() throws Exception {
        TestToken token = userWith("profile:read");
        mvc.perform(get("/api/auth/profile").with(token.asBearer())).andExpect(status().isOk());
        addWorkout(token, 5, 10.5, 3600, 120.25);
        addWorkout(token, 1, 20.25, 86400 + 40, 0);
        addWorkout(token, 5, 1.0, 60, 0);

        mvc.perform(get("/api/auth/profile").with(token.asBearer()))
                .andExpect(jsonPath("$.data.nb_workouts").value(3))
                .andExpect(jsonPath("$.data.nb_sports").value(2))
                .andExpect(jsonPath("$.data.sports_list[0]").value(1))
                .andExpect(jsonPath("$.data.sports_list[1]").value(5))
                .andExpect(jsonPath("$.data.total_distance").value(31.75))
                .andExpect(jsonPath("$.data.total_ascent").value(120.25))
                .andExpect(jsonPath("$.data.total_duration").value("1 day, 1:01:40"));
    }

    // POST /api/auth/profile/edit

    @Test
    void aUserEditsTheirProfileWithProfileWrite() throws Exception {
        TestToken token = userWith("profile:write");

        editProfile(token, profile("Ada", "Lovelace", "Counts things", "1990-12-10", "London"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.message").value("user profile updated"))
                .andExpect(jsonPath("$.data.first_name").value("Ada"))
                .andExpect(jsonPath("$.data.last_name").value("Lovelace"))
                .andExpect(jsonPath("$.data.bio").value("Counts things"))
                .andExpect(jsonPath("$.data.location").value("London"))
                .andExpect(jsonPath("$.data.birth_date").value("Mon, 10 Dec 1990 00:00:00 GMT"))
                .andExpect(jsonPath("$.data.timezone").value("Europe/Paris"));
    }

    @Test
    void nullValuesClearTheProfile() throws Exception {
        TestToken token = userWith("profile:write");
        editProfile(token, profile("Ada", "Lovelace", "bio", "1990-12-10", "London"));

        editProfile(token, profile(null, null, null, null, null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.first_name").isEmpty())
                .andExpect(jsonPath("$.data.birth_date").isEmpty());
    }

    @Test
    void editingTheProfileNeedsProfileWrite() throws Exception {
        editProfile(userWith("profile:read"), profile("A", "B", "C", null, "D"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(INSUFFICIENT_SCOPE));
    }

    @Test
    void aSuspendedUserStillEditsTheirProfile() throws Exception {
        editProfile(userWith("profile:write", "suspended"), profile("A", "B", "C", null, "D"))
                .andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"first_name", "last_name", "bio", "birth_date", "location"})
    void everyProfileKeyIsRequired(String key) throws Exception {
        Map<String, Object> body = profile("A", "B", "C", null, "D");
        body.remove(key);

        editProfile(userWith("profile:write"), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("invalid payload"));
    }

    @Test
    void anOverlongValueIsRefusedAndNothingIsWritten() throws Exception {
        TestToken token = userWith("profile:write");
        editProfile(token, profile("Ada", "Lovelace", null, null, null));

        editProfile(token, profile("Grace", "x".repeat(81), null, null, null))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.message")
                                .value("last_name must be a text of at most 80 characters"));
        editProfile(token, profile("Grace", "Hopper", "b".repeat(201), null, null))
                .andExpect(status().isBadRequest());

        assertThat(firstNameOf(token)).isEqualTo("Ada");
    }

    @Test
    void lengthsAreCountedInCharacters() throws Exception {
        editProfile(
                        userWith("profile:write"),
                        profile("é".repeat(80), null, "😀".repeat(200), null, null))
                .andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\"10/12/1990\"", "\"1990-13-01\"", "\"1990-02-30\"", "19901210", "true"})
    void aMalformedBirthDateIsRefused(String birthDate) throws Exception {
        mvc.perform(
                        post("/api/auth/profile/edit")
                                .with(userWith("profile:write").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"first_name\":null,\"last_name\":null,\"bio\":null,"
                                                + "\"location\":null,\"birth_date\":"
                                                + birthDate
                                                + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.message")
                                .value("birth_date must be a date formatted as YYYY-MM-DD"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{}",
                "{\"first_name\":1,\"last_name\":null,\"bio\":null,\"birth_date\":null,"
                        + "\"location\":null}",
                "{\"first_name\":\"a\\u0000b\",\"last_name\":null,\"bio\":null,"
                        + "\"birth_date\":null,\"location\":null}"
            })
    void hostileProfileBodiesAreRefused(String body) throws Exception {
        mvc.perform(
                        post("/api/auth/profile/edit")
                                .with(userWith("profile:write").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"));
    }

    @Test
    void sqlInProfileTextIsStoredAsText() throws Exception {
        String bio = "'); DROP TABLE users; --";

        editProfile(userWith("profile:write"), profile(null, null, bio, null, null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.bio").value(bio));
    }

    // POST /api/auth/profile/edit/preferences

    @Test
    void aUserEditsTheirPreferencesWithProfileWrite() throws Exception {
        Map<String, Object> preferences = preferences();
        preferences.put("timezone", "America/New_York");
        preferences.put("language", "fr");
        preferences.put("date_format", "yyyy-MM-dd");
        preferences.put("weekm", true);
        preferences.put("use_dark_mode", null);
        preferences.put("hr_visibility", "followers_only");

        editPreferences(userWith("profile:write"), preferences)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("user preferences updated"))
                .andExpect(jsonPath("$.data.timezone").value("America/New_York"))
                .andExpect(jsonPath("$.data.language").value("fr"))
                .andExpect(jsonPath("$.data.date_format").value("yyyy-MM-dd"))
                .andExpect(jsonPath("$.data.weekm").value(true))
                .andExpect(jsonPath("$.data.use_dark_mode").isEmpty())
                .andExpect(jsonPath("$.data.hr_visibility").value("followers_only"))
                .andExpect(jsonPath("$.data.hide_profile_in_users_directory").value(false));
    }

    @Test
    void theMapAndAnalysisAreNeverMoreVisibleThanTheWorkouts() throws Exception {
        Map<String, Object> preferences = preferences();
        preferences.put("workouts_visibility", "followers_only");
        preferences.put("analysis_visibility", "public");
        preferences.put("map_visibility", "public");

        editPreferences(userWith("profile:write"), preferences)
                .andExpect(jsonPath("$.data.workouts_visibility").value("followers_only"))
                .andExpect(jsonPath("$.data.analysis_visibility").value("followers_only"))
                .andExpect(jsonPath("$.data.map_visibility").value("followers_only"));

        preferences.put("workouts_visibility", "public");
        preferences.put("analysis_visibility", "private");
        editPreferences(userWith("profile:write"), preferences)
                .andExpect(jsonPath("$.data.analysis_visibility").value("private"))
                .andExpect(jsonPath("$.data.map_visibility").value("private"));
    }

    @Test
    void aNullLanguageMeansTheDefaultOne() throws Exception {
        Map<String, Object> preferences = preferences();
        preferences.put("language", null);

        editPreferences(userWith("profile:write"), preferences)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.language").value("en"));
    }

    @Test
    void editingPreferencesNeedsProfileWrite() throws Exception {
        editPreferences(userWith("profile:read"), preferences())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(INSUFFICIENT_SCOPE));
    }

    @Test
    void aSuspendedUserStillEditsTheirPreferences() throws Exception {
        editPreferences(userWith("profile:write", "suspended"), preferences())
                .andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"timezone", "weekm", "use_dark_mode", "map_visibility", "language"})
    void everyPreferenceKeyIsRequired(String key) throws Exception {
        Map<String, Object> preferences = preferences();
        preferences.remove(key);

        editPreferences(userWith("profile:write"), preferences)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("invalid payload"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "timezone=Mars/Olympus_Mons",
                "timezone=",
                "timezone=+02:00",
                "language=xx",
                "date_format=%s%s%s%s",
                "workouts_visibility=everyone",
                "hr_visibility=PUBLIC",
                "segments_creation_event=sometimes",
                "missing_elevations_processing=none",
                "weekm=yes",
                "imperial_units=null",
                "use_dark_mode=1"
            })
    void anInvalidPreferenceIsRefusedAndNothingIsWritten(String change) throws Exception {
        TestToken token = userWith("profile:write");
        Map<String, Object> preferences = preferences();
        preferences.put("timezone", "Asia/Tokyo");
        editPreferences(token, preferences).andExpect(status().isOk());

        String key = change.substring(0, change.indexOf('='));
        String value = change.substring(change.indexOf('=') + 1);
        preferences.put("timezone", "Europe/Berlin");
        preferences.put(key, typed(value));

        editPreferences(token, preferences)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith(key)));
        assertThat(
                        jdbc.sql("SELECT timezone FROM users WHERE subject = :subject")
                                .param("subject", token.subject())
                                .query(String.class)
                                .single())
                .isEqualTo("Asia/Tokyo");
    }

    // GET /api/auth/timezones

    @Test
    void anyoneListsTheTimezones() throws Exception {
        mvc.perform(get("/api/auth/timezones"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.timezones").value(hasItem("Europe/Paris")))
                .andExpect(jsonPath("$.timezones").value(hasItem("Pacific/Tahiti")))
                .andExpect(jsonPath("$.timezones").value(not(hasItem("SystemV/AST4"))))
                .andExpect(jsonPath("$.timezones[0]").value("Africa/Abidjan"));
    }

    private ResultActions editProfile(TestToken token, Map<String, Object> body) throws Exception {
        return mvc.perform(
                post("/api/auth/profile/edit")
                        .with(token.asBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)));
    }

    private ResultActions editPreferences(TestToken token, Map<String, Object> body)
            throws Exception {
        return mvc.perform(
                post("/api/auth/profile/edit/preferences")
                        .with(token.asBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)));
    }

    private static Map<String, Object> profile(
            String firstName, String lastName, String bio, String birthDate, String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first_name", firstName);
        body.put("last_name", lastName);
        body.put("bio", bio);
        body.put("birth_date", birthDate);
        body.put("location", location);
        return body;
    }

    /** A valid preferences body, FitTrackee's defaults but for a visible profile. */
    private static Map<String, Object> preferences() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("analysis_visibility", "private");
        body.put("calories_visibility", "private");
        body.put("date_format", "MM/dd/yyyy");
        body.put("display_ascent", true);
        body.put("hide_profile_in_users_directory", false);
        body.put("hr_visibility", "private");
        body.put("imperial_units", false);
        body.put("language", "en");
        body.put("manually_approves_followers", true);
        body.put("map_visibility", "private");
        body.put("missing_elevations_processing", "file");
        body.put("segments_creation_event", "only_manual");
        body.put("split_workout_charts", true);
        body.put("start_elevation_at_zero", true);
        body.put("timezone", "Europe/Paris");
        body.put("use_dark_mode", false);
        body.put("use_raw_gpx_speed", false);
        body.put("weekm", false);
        body.put("workouts_visibility", "private");
        return body;
    }

    /** A test value: "null" and integers as JSON, anything else as text. */
    private static Object typed(String value) {
        if (value.equals("null")) {
            return null;
        }
        if (value.matches("\\d+")) {
            return Integer.parseInt(value);
        }
        return value;
    }

    private String firstNameOf(TestToken token) {
        return jdbc.sql("SELECT first_name FROM users WHERE subject = :subject")
                .param("subject", token.subject())
                .query(String.class)
                .single();
    }

    private void addWorkout(
            TestToken token, int sportId, double distance, double moving, double ascent) {
        jdbc.sql(
                        """
                        INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration,
                            moving, distance, ascent)
                        SELECT gen_random_uuid(), id, :sportId, now(), :moving, :moving,
                            :distance, :ascent
                        FROM users WHERE subject = :subject
                        """)
                .param("sportId", sportId)
                .param("moving", moving)
                .param("distance", distance)
                .param("ascent", ascent)
                .param("subject", token.subject())
                .update();
    }
}
