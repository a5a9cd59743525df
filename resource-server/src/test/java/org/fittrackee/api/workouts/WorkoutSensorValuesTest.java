package org.fittrackee.api.workouts;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Heart rate, cadence and power read from a GPX file: stored with the workout and its segments,
 * kept by edits, and the heart rate shown to others only as the owner's {@code hr_visibility}
 * allows.
 */
class WorkoutSensorValuesTest extends ApiTest {

    /** Heart rate, cadence and power of each point, by segment. */
    private static final int[][][] SEGMENTS = {
        {{120, 80, 200}, {130, 85, 210}, {141, 90, 221}},
        {{150, 90, 300}, {160, 90, 300}, {171, 90, 300}}
    };

    @Autowired JdbcClient jdbc;

    private final TestToken athlete = userWith("workouts:read workouts:write");

    @Test
    void theOwnerSeesTheAveragesAndMaximaOfTheWorkoutAndOfEachSegment() throws Exception {
        String id = uploadedId();

        workout(athlete, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts[0].ave_hr").value(145))
                .andExpect(jsonPath("$.data.workouts[0].max_hr").value(171))
                .andExpect(jsonPath("$.data.workouts[0].ave_cadence").value(88))
                .andExpect(jsonPath("$.data.workouts[0].max_cadence").value(90))
                .andExpect(jsonPath("$.data.workouts[0].ave_power").value(255))
                .andExpect(jsonPath("$.data.workouts[0].max_power").value(300))
                .andExpect(jsonPath("$.data.workouts[0].segments[0].ave_hr").value(130))
                .andExpect(jsonPath("$.data.workouts[0].segments[0].max_hr").value(141))
                .andExpect(jsonPath("$.data.workouts[0].segments[0].ave_cadence").value(85))
                .andExpect(jsonPath("$.data.workouts[0].segments[0].ave_power").value(210))
                .andExpect(jsonPath("$.data.workouts[0].segments[0].max_power").value(221))
                .andExpect(jsonPath("$.data.workouts[0].segments[1].ave_hr").value(160))
                .andExpect(jsonPath("$.data.workouts[0].segments[1].max_cadence").value(90));

        mvc.perform(get("/api/workouts").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.workouts[0].ave_hr").value(145))
                .andExpect(jsonPath("$.data.workouts[0].max_power").value(300));
    }

    @Test
    void anEditKeepsTheValuesReadFromTheFile() throws Exception {
        String id = uploadedId();

        edit(id, "{\"title\": \"Evening ride\", \"notes\": \"windy\"}");

        workout(athlete, id)
                .andExpect(jsonPath("$.data.workouts[0].title").value("Evening ride"))
                .andExpect(jsonPath("$.data.workouts[0].ave_hr").value(145))
                .andExpect(jsonPath("$.data.workouts[0].max_cadence").value(90))
                .andExpect(jsonPath("$.data.workouts[0].ave_power").value(255));
    }

    @Test
    void othersSeeTheHeartRateOnlyWhenTheOwnerMakesItPublic() throws Exception {
        String id = uploadedId();
        edit(id, "{\"workout_visibility\": \"public\", \"analysis_visibility\": \"public\"}");
        TestToken other = userWith("workouts:read");

        workout(other, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.workouts[0].ave_hr").value(nullValue()))
                .andExpect(jsonPath("$.data.workouts[0].max_hr").value(nullValue()))
                .andExpect(jsonPath("$.data.workouts[0].segments[0].ave_hr").value(nullValue()))
                .andExpect(jsonPath("$.data.workouts[0].ave_cadence").value(88))
                .andExpect(jsonPath("$.data.workouts[0].segments[0].ave_power").value(210));
        mvc.perform(get("/api/users/" + athlete.username() + "/workouts").with(other.asBearer()))
                .andExpect(jsonPath("$.data.workouts[0].ave_hr").value(nullValue()))
                .andExpect(jsonPath("$.data.workouts[0].max_power").value(300));

        jdbc.sql("UPDATE users SET hr_visibility = 'public' WHERE username = :username")
                .param("username", athlete.username())
                .update();

        workout(other, id)
                .andExpect(jsonPath("$.data.workouts[0].ave_hr").value(145))
                .andExpect(jsonPath("$.data.workouts[0].segments[1].max_hr").value(171));
    }

    @Test
    void aWorkoutWithoutAFileHasNone() throws Exception {
        String id = createWorkout(athlete, 1, 10, 3600, "2024-05-12 07:00");

        workout(athlete, id)
                .andExpect(jsonPath("$.data.workouts[0].ave_hr").value(nullValue()))
                .andExpect(jsonPath("$.data.workouts[0].ave_cadence").value(nullValue()))
                .andExpect(jsonPath("$.data.workouts[0].max_power").value(nullValue()));
    }

    private ResultActions workout(TestToken token, String id) throws Exception {
        return mvc.perform(get("/api/workouts/" + id).with(token.asBearer()));
    }

    private void edit(String id, String body) throws Exception {
        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isOk());
    }

    private String uploadedId() throws Exception {
        var file = new MockMultipartFile("file", "ride.gpx", "application/gpx+xml", gpx());
        return uploadWorkout(athlete, file, 1);
    }

    /** The points of {@link #SEGMENTS} going north, 0.001° and ten seconds apart. */
    private static byte[] gpx() {
        StringBuilder xml =
                new StringBuilder(
                        """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
                         xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
                        <trk><name>ride</name>
                        """);
        Instant time = Instant.parse("2024-05-12T06:30:00Z");
        double latitude = 0;
        for (int[][] segment : SEGMENTS) {
            xml.append("<trkseg>");
            for (int[] sensors : segment) {
                xml.append(point(latitude, time, sensors));
                latitude += 0.001;
                time = time.plusSeconds(10);
            }
            xml.append("</trkseg>\n");
        }
        return xml.append("</trk></gpx>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String point(double latitude, Instant time, int[] sensors) {
        return String.format(
                Locale.ROOT,
                """
                <trkpt lat="%.5f" lon="0"><time>%s</time><extensions><power>%d</power>\
                <gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr><gpxtpx:cad>%d</gpxtpx:cad>\
                </gpxtpx:TrackPointExtension></extensions></trkpt>
                """,
                latitude,
                time,
                sensors[2],
                sensors[0],
                sensors[1]);
    }
}
