package org.fittrackee.api.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

class WorkoutFilesControllerTest extends ApiTest {

    /** 0.01° of latitude along a meridian near the equator is 1105.7 m on WGS84. */
    private static final double KM_PER_HUNDREDTH_DEGREE = 1.10574;

    @Autowired JdbcClient jdbc;

    private final TestToken athlete = userWith("workouts:read workouts:write");

    @AfterEach
    void restoreConfig() {
        jdbc.sql("UPDATE app_config SET max_single_file_size = 1048576").update();
    }

    @Test
    void aTokenWithWorkoutsWriteUploadsAGpxFile() throws Exception {
        String response =
                upload(athlete, "run.gpx", gpx(11, 2), "{\"sport_id\": 5, \"title\": \"Loop\"}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("created"))
                        .andExpect(jsonPath("$.data.workouts[0].title").value("Loop"))
                        .andExpect(jsonPath("$.data.workouts[0].with_file").value(true))
                        .andExpect(jsonPath("$.data.workouts[0].duration").value("0:21:00"))
                        .andExpect(jsonPath("$.data.workouts[0].segments", hasSize(2)))
                        .andExpect(jsonPath("$.data.workouts[0].bounds", hasSize(4)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();

        double distance =
                ((Number) JsonPath.read(response, "$.data.workouts[0].distance")).doubleValue();
        assertThat(distance).isCloseTo(20 * KM_PER_HUNDREDTH_DEGREE, within(0.01));
    }

    @Test
    void aTokenWithOnlyWorkoutsReadCannotUpload() throws Exception {
        upload(userWith("workouts:read"), "run.gpx", gpx(3, 1), "{\"sport_id\": 5}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void badUploadsAreRefusedAndCreateNothing() throws Exception {
        upload(athlete, "run.fit", gpx(3, 1), "{\"sport_id\": 5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("fail"))
                .andExpect(jsonPath("$.message").value("file extension not allowed"));
        upload(
                        athlete,
                        "run.gpx",
                        "not a gpx file".getBytes(StandardCharsets.UTF_8),
                        "{\"sport_id\": 5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"));
        upload(athlete, "run.gpx", gpx(3, 1), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("invalid payload"));
        upload(athlete, "run.gpx", gpx(3, 1), "{\"sport_id\": 99}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("invalid"))
                .andExpect(jsonPath("$.message").value("Sport id: 99 does not exist"));
        upload(athlete, "run.gpx", gpx(3, 1), "{not json").andExpect(status().isBadRequest());
        mvc.perform(
                        multipart("/api/workouts")
                                .param("data", "{\"sport_id\": 5}")
                                .with(athlete.asBearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("no file part"));

        mvc.perform(get("/api/workouts").with(athlete.asBearer()))
                .andExpect(jsonPath("$.pagination.total").value(0));
    }

    @Test
    void aFileAboveTheInstanceLimitGetsFittrackeesTooLargeWithReadableSizes() throws Exception {
        jdbc.sql("UPDATE app_config SET max_single_file_size = 1024").update();
        byte[] file = padded(gpx(3, 1), 1536);

        upload(athlete, "run.gpx", file, "{\"sport_id\": 5}")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(
                        content()
                                .json(
                                        "{\"status\":\"fail\",\"message\":\"Error during"
                                                + " workout upload, file size (1.5KB) exceeds"
                                                + " 1.0KB.\"}",
                                        org.springframework.test.json.JsonCompareMode.STRICT));
        jdbc.sql("UPDATE app_config SET max_single_file_size = 1000").update();
        upload(athlete, "run.gpx", padded(gpx(3, 1), 1001), "{\"sport_id\": 5}")
                .andExpect(
                        jsonPath("$.message")
                                .value(
                                        "Error during workout upload, file size (1001.0 bytes)"
                                                + " exceeds 1000.0 bytes."));
        mvc.perform(get("/api/workouts").with(athlete.asBearer()))
                .andExpect(jsonPath("$.pagination.total").value(0));
    }

    @Test
    void aFileAtTheInstanceLimitIsTaken() throws Exception {
        jdbc.sql("UPDATE app_config SET max_single_file_size = 1536").update();

        upload(athlete, "run.gpx", padded(gpx(3, 1), 1536), "{\"sport_id\": 5}")
                .andExpect(status().isCreated());
    }

    @Test
    void chartDataGeojsonAndTheFileNeedWorkoutsRead() throws Exception {
        String id = uploadedId(gpx(5, 1));
        TestToken writeOnly = athlete.withScope("workouts:write profile:read");

        for (String path :
                List.of(
                        "/chart_data",
                        "/chart_data/segment/1",
                        "/geojson",
                        "/geojson/segment/1",
                        "/gpx/download")) {
            mvc.perform(get("/api/workouts/" + id + path).with(writeOnly.asBearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("insufficient_scope"));
            mvc.perform(
                            get("/api/workouts/" + id + path)
                                    .with(athlete.withScope("workouts:read").asBearer()))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void anUploadedFileSetsTheSportsRecords() throws Exception {
        String slow = uploadedId(gpx(5, 1));
        String fast = uploadedId(gpx(11, 1));

        String records =
                mvc.perform(get("/api/records").with(athlete.asBearer()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();

        List<Map<String, Object>> running =
                JsonPath.read(records, "$.data.records[?(@.sport_id == 5)]");
        assertThat(running)
                .extracting(record -> record.get("record_type"))
                .containsExactlyInAnyOrder("AS", "FD", "LD", "MS", "AP", "BP");
        Map<String, Object> farthest =
                running.stream().filter(r -> r.get("record_type").equals("FD")).findFirst().get();
        assertThat(farthest.get("workout_id")).isEqualTo(fast);
        assertThat(((Number) farthest.get("value")).doubleValue())
                .isCloseTo(10 * KM_PER_HUNDREDTH_DEGREE, within(0.01));
        assertThat(
                        running.stream()
                                .filter(r -> r.get("record_type").equals("LD"))
                                .findFirst()
                                .get()
                                .get("value"))
                .isEqualTo("0:10:00");
        assertThat(slow).isNotEqualTo(fast);
    }

    @Test
    void theOwnerGetsChartDataGeojsonAndTheFile() throws Exception {
        byte[] file = gpx(5, 2);
        String id = uploadedId(file);

        mvc.perform(get("/api/workouts/" + id + "/chart_data").with(athlete.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.chart_data", hasSize(10)))
                .andExpect(jsonPath("$.data.chart_data[0].latitude").value(0.0));
        mvc.perform(get("/api/workouts/" + id + "/chart_data/segment/2").with(athlete.asBearer()))
                .andExpect(jsonPath("$.data.chart_data", hasSize(5)));
        mvc.perform(get("/api/workouts/" + id + "/geojson").with(athlete.asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.geojson.type").value("MultiLineString"))
                .andExpect(jsonPath("$.data.geojson.coordinates", hasSize(2)));
        mvc.perform(get("/api/workouts/" + id + "/geojson/segment/9").with(athlete.asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.data.geojson").isEmpty());
        mvc.perform(get("/api/workouts/" + id + "/gpx/download").with(athlete.asBearer()))
                .andExpect(status().isOk())
                .andExpect(content().bytes(file));
        mvc.perform(get("/api/workouts/" + id + "/gpx").with(athlete.asBearer()))
                .andExpect(status().isGone());
    }

    @Test
    void othersSeeTheMapAndChartsOnlyWhenPublicAndNeverDownloadTheFile() throws Exception {
        String id = uploadedId(gpx(5, 1));
        TestToken other = userWith("workouts:read");

        mvc.perform(get("/api/workouts/" + id + "/chart_data").with(other.asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"workout_visibility\": \"public\","
                                                + " \"map_visibility\": \"public\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/workouts/" + id + "/geojson").with(other.asBearer()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/workouts/" + id + "/chart_data").with(other.asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.data.chart_data").value(""));
        mvc.perform(get("/api/workouts/" + id + "/gpx/download").with(other.asBearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theMeasuresOfAWorkoutWithAFileCannotBeEdited() throws Exception {
        String id = uploadedId(gpx(5, 1));

        mvc.perform(
                        patch("/api/workouts/" + id)
                                .with(athlete.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"distance\": 99}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aWorkoutWithoutFileHasNoChartData() throws Exception {
        String response =
                mvc.perform(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                        .post("/api/workouts/no_gpx")
                                        .with(athlete.asBearer())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(
                                                "{\"sport_id\": 5, \"distance\": 5,"
                                                        + " \"duration\": 1800, \"workout_date\":"
                                                        + " \"2024-01-01 10:00\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        String id = JsonPath.read(response, "$.data.workouts[0].id");

        mvc.perform(get("/api/workouts/" + id + "/chart_data").with(athlete.asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value("not found"))
                .andExpect(jsonPath("$.data.chart_data").value(""));
    }

    /** The file grown to exactly the given size with an XML comment. */
    private static byte[] padded(byte[] gpx, int size) {
        String xml = new String(gpx, StandardCharsets.UTF_8);
        int end = xml.lastIndexOf("</gpx>");
        String filler = "<!--" + "x".repeat(size - gpx.length - 7) + "-->";
        byte[] file =
                (xml.substring(0, end) + filler + xml.substring(end))
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(file).hasSize(size);
        return file;
    }

    private String uploadedId(byte[] file) throws Exception {
        String response =
                upload(athlete, "run.gpx", file, "{\"sport_id\": 5}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        return JsonPath.read(response, "$.data.workouts[0].id");
    }

    private ResultActions upload(TestToken token, String name, byte[] file, String data)
            throws Exception {
        var request =
                multipart("/api/workouts")
                        .file(new MockMultipartFile("file", name, "application/gpx+xml", file));
        if (data != null) {
            request.param("data", data);
        }
        return mvc.perform(request.with(token.asBearer()));
    }

    /**
     * Segments of points going north along the prime meridian, 0.01° and one minute apart, the next
     * segment starting where the previous one ended, one minute later.
     */
    private static byte[] gpx(int pointsPerSegment, int segments) {
        StringBuilder xml =
                new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\""
                                + " creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                                + "<trk><name>test</name>");
        Instant time = Instant.parse("2024-05-12T06:30:00Z");
        double latitude = 0;
        for (int segment = 0; segment < segments; segment++) {
            xml.append("<trkseg>");
            for (int point = 0; point < pointsPerSegment; point++) {
                if (point > 0) {
                    latitude += 0.01;
                }
                xml.append(
                        String.format(
                                java.util.Locale.ROOT,
                                "<trkpt lat=\"%.5f\""
                                        + " lon=\"0\"><ele>100</ele><time>%s</time></trkpt>",
                                latitude,
                                time));
                time = time.plusSeconds(60);
            }
            xml.append("</trkseg>");
        }
        return xml.append("</trk></gpx>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
