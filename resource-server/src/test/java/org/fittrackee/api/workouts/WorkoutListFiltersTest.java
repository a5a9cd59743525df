package org.fittrackee.api.workouts;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/** Every filter of {@code GET /api/workouts}, its errors, and the paging and ordering rules. */
class WorkoutListFiltersTest extends ApiTest {

    private static final String INVALID_RADIUS =
            "invalid radius, must be an float greater than zero";
    private static final String INVALID_COORDINATES =
            "invalid coordinates, must be a string with latitude and longitude, separated by a"
                    + " comma";

    @Autowired JdbcClient jdbc;

    private final TestToken athlete = userWith("workouts:read workouts:write");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "page=0 | invalid value for page",
                "page=abc | invalid value for page",
                "per_page=-1 | invalid value for per_page",
                "sport_id=x | invalid value for sport_id",
                "from=2024-13-01 | invalid value for from, expected format: %Y-%m-%d",
                "to=yesterday | invalid value for to, expected format: %Y-%m-%d",
                "from=%2B999999999-12-31 | invalid value for from, expected format: %Y-%m-%d",
                "to=%2B999999999-12-31 | invalid value for to, expected format: %Y-%m-%d",
                "from=%2B300000-01-01 | invalid value for from, expected format: %Y-%m-%d",
                "from=10000-01-01 | invalid value for from, expected format: %Y-%m-%d",
                "from=0000-01-01 | invalid value for from, expected format: %Y-%m-%d",
                "to=2023-02-29 | invalid value for to, expected format: %Y-%m-%d",
                "distance_from=NaN | invalid value for distance_from",
                "distance_to=-5 | invalid value for distance_to",
                "ave_speed_from=1e400 | invalid value for ave_speed_from",
                "max_speed_to=fast | invalid value for max_speed_to",
                "duration_from=1h | invalid duration",
                "duration_to=24:00 | invalid duration",
                "duration_from=1:60 | invalid duration",
                "ave_pace_from=5 | invalid duration",
                "ave_pace_to=5:60 | invalid duration",
                "max_pace_from=x:00 | invalid duration",
                "max_pace_to=-1:00 | invalid duration",
                "order=sideways | invalid value for order",
                "order_by=title | invalid value for order_by",
                "workout_visibility=everyone | invalid value for visibility",
                "coordinates=45,5&radius=0 | " + INVALID_RADIUS,
                "coordinates=45,5&radius=-1 | " + INVALID_RADIUS,
                "coordinates=45,5&radius=far | " + INVALID_RADIUS,
                "coordinates=45,5&radius=NaN | " + INVALID_RADIUS,
                "coordinates=45 | " + INVALID_COORDINATES,
                "coordinates=45,5,6 | " + INVALID_COORDINATES,
                "coordinates=north,east | " + INVALID_COORDINATES,
                "coordinates=91,5 | " + INVALID_COORDINATES,
                "coordinates=45,181 | " + INVALID_COORDINATES,
                "title=a%00b | invalid value for title",
                "notes=%00 | invalid value for notes",
                "description=%00 | invalid value for description",
                "coordinates=45%00,5 | invalid value for coordinates"
            })
    void aBadFilterGetsFittrackeesExactMessage(String query, String message) throws Exception {
        mvc.perform(get(URI.create("/api/workouts?" + query)).with(athlete.asBearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value(message));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "from=0001-01-01",
                "to=9999-12-31",
                "from=2024-1-5&to=2024-12-31",
                "duration_from=0:00&duration_to=23:59:59",
                "ave_pace_from=0:00",
                "max_pace_to=999:59",
                "radius=far",
                "equipment_id=none",
                "return_equipments=true",
                "unknown=ignored"
            })
    void aFilterWithinFittrackeesRangeIsServed(String query) throws Exception {
        mvc.perform(get(URI.create("/api/workouts?" + query)).with(athlete.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"));
    }

    @Test
    void fiveWorkoutsAPageByDefaultAndAHundredAtMost() throws Exception {
        insertWorkouts(athlete, 101);

        mvc.perform(get("/api/workouts").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts", hasSize(5)))
                .andExpect(jsonPath("$.pagination.page").value(1))
                .andExpect(jsonPath("$.pagination.pages").value(21))
                .andExpect(jsonPath("$.pagination.total").value(101))
                .andExpect(jsonPath("$.pagination.has_next").value(true))
                .andExpect(jsonPath("$.pagination.has_prev").value(false));
        mvc.perform(get("/api/workouts?per_page=1000").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts", hasSize(100)))
                .andExpect(jsonPath("$.pagination.pages").value(2));
        mvc.perform(get("/api/workouts?per_page=1000&page=2").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts", hasSize(1)));
        mvc.perform(get("/api/workouts?page=30").with(athlete.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
    }

    @Test
    void orderByDurationIsByMovingTimeAsInFittrackee() throws Exception {
        String longPause = createWorkout(athlete, 5, 10, 7200, "2024-01-01 10:00");
        String noPause = createWorkout(athlete, 5, 10, 3600, "2024-01-02 10:00");
        String middle = createWorkout(athlete, 5, 10, 5400, "2024-01-03 10:00");
        setMoving(longPause, 1800);

        list("order_by=duration&order=asc")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(longPause, noPause, middle)));
        list("order_by=duration")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(middle, noPause, longPause)));
        list("duration_from=1:00")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(middle, noPause)));
        list("duration_to=0:59").andExpect(jsonPath("$.data.workouts[*].id", contains(longPause)));
    }

    @Test
    void orderByAverageSpeedAndDistance() throws Exception {
        String slow = createWorkout(athlete, 1, 20, 3600, "2024-01-01 10:00");
        String fast = createWorkout(athlete, 1, 40, 3600, "2024-01-02 10:00");
        String medium = createWorkout(athlete, 1, 45, 5400, "2024-01-03 10:00");

        list("order_by=ave_speed")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(fast, medium, slow)));
        list("order_by=ave_speed&order=asc")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(slow, medium, fast)));
        list("order_by=distance&order=asc")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(slow, fast, medium)));
        list("ave_speed_from=25&ave_speed_to=35")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(medium)));
        list("max_speed_from=39").andExpect(jsonPath("$.data.workouts[*].id", contains(fast)));
        list("ave_pace_to=2:00")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(medium, fast)));
        list("ave_pace_from=2:30").andExpect(jsonPath("$.data.workouts[*].id", contains(slow)));
        list("max_pace_to=0:00").andExpect(jsonPath("$.data.workouts", hasSize(0)));
    }

    @Test
    void fromAndToAreWholeDaysInTheUsersTimeZone() throws Exception {
        String lateOnTheFirst = createWorkout(athlete, 5, 5, 1800, "2024-03-01 23:30");
        String earlyOnTheSecond = createWorkout(athlete, 5, 5, 1800, "2024-03-02 00:10");

        list("to=2024-03-01")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(lateOnTheFirst)));
        list("from=2024-03-02")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(earlyOnTheSecond)));
        list("from=2024-3-1&to=2024-3-2").andExpect(jsonPath("$.data.workouts", hasSize(2)));
        list("from=0001-01-01&to=9999-12-31").andExpect(jsonPath("$.data.workouts", hasSize(2)));
    }

    @Test
    void textFiltersMatchPartsInAnyCaseAndTakeSqlCharactersLiterally() throws Exception {
        String quoted = createWorkout(athlete, 5, 5, 1800, "2024-01-01 10:00");
        setText(quoted, "it's 100% \"done\"_now; DROP", "notes\\with;--", "a % b");
        String plain = createWorkout(athlete, 5, 5, 1800, "2024-01-02 10:00");
        setText(plain, "Morning run", "easy", "nothing");

        for (String title : List.of("'", "100%", "\"done\"_", "; drop", "IT'S")) {
            mvc.perform(get("/api/workouts").param("title", title).with(athlete.asBearer()))
                    .andExpect(jsonPath("$.data.workouts[*].id", contains(quoted)));
        }
        for (String text : List.of("%", "_", "' OR '1'='1", "\\", "*")) {
            mvc.perform(get("/api/workouts").param("title", text).with(athlete.asBearer()))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/workouts").param("notes", "\\with;--").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts[*].id", contains(quoted)));
        mvc.perform(get("/api/workouts").param("description", "a % b").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts[*].id", contains(quoted)));
        mvc.perform(get("/api/workouts").param("title", "morning").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts[*].id", contains(plain)));
        mvc.perform(get("/api/workouts").param("title", "_").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts[*].id", contains(quoted)));
    }

    @Test
    void equipmentFiltersAnswerAsAnInstanceWithoutEquipment() throws Exception {
        String id = createWorkout(athlete, 5, 5, 1800, "2024-01-01 10:00");

        list("equipment_id=none").andExpect(jsonPath("$.data.workouts[*].id", contains(id)));
        list("equipment_id=2222222222222222222222")
                .andExpect(jsonPath("$.data.workouts", hasSize(0)))
                .andExpect(jsonPath("$.pagination.total").value(0));
        list("").andExpect(jsonPath("$.data.workouts[0].equipments").doesNotExist());
        list("return_equipments=true")
                .andExpect(jsonPath("$.data.workouts[0].equipments", hasSize(0)));
        mvc.perform(get("/api/workouts/" + id).with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts[0].equipments", hasSize(0)));
    }

    private ResultActions list(String query) throws Exception {
        return mvc.perform(get(URI.create("/api/workouts?" + query)).with(athlete.asBearer()))
                .andExpect(status().isOk());
    }

    private void setMoving(String shortId, double seconds) {
        jdbc.sql("UPDATE workouts SET moving = :moving WHERE uuid = :uuid")
                .param("moving", seconds)
                .param("uuid", ShortId.decode(shortId).orElseThrow())
                .update();
    }

    private void setText(String shortId, String title, String notes, String description) {
        jdbc.sql(
                        "UPDATE workouts SET title = :title, notes = :notes,"
                                + " description = :description WHERE uuid = :uuid")
                .param("title", title)
                .param("notes", notes)
                .param("description", description)
                .param("uuid", ShortId.decode(shortId).orElseThrow())
                .update();
    }

    /** Many workouts at once, straight into the table. */
    private void insertWorkouts(TestToken token, int count) throws Exception {
        createWorkout(token, 5, 5, 1800, "2024-01-01 10:00");
        long userId =
                jdbc.sql("SELECT id FROM users WHERE subject = :subject")
                        .param("subject", token.subject())
                        .query(Long.class)
                        .single();
        jdbc.sql(
                        """
                        INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration,
                            moving, distance)
                        SELECT gen_random_uuid(), :userId, 5,
                            TIMESTAMPTZ '2024-02-01 10:00Z' + n * INTERVAL '1 day', 1800, 1800, 5
                        FROM generate_series(1, :count) n
                        """)
                .param("userId", userId)
                .param("count", count - 1)
                .update();
    }
}
