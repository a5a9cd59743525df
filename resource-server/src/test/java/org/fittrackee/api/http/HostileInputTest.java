package org.fittrackee.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile input on every endpoint that reads input, from a caller allowed everything (an admin with
 * every scope): never a 5xx, always a FitTrackee or OAuth error body, and nothing written.
 */
class HostileInputTest extends ApiTest {

    /** A NUL character in JSON text, and in a URL. */
    private static final String NUL = "\\u0000";

    private static final String URL_NUL = "%00";
    private static final String SQL = "'; DROP TABLE workouts; --";
    private static final String URL_SQL = "%27%3B%20DROP%20TABLE%20workouts%3B%20--";
    private static final String HUGE_INTEGER = "18446744073709551621";

    @Autowired JdbcClient jdbc;

    private final TestToken admin = firstPartyUser("admin");
    private String workoutId;
    private long userId;

    @BeforeEach
    void aWorkoutOfTheCaller() throws Exception {
        workoutId = createWorkout(admin, 5, 10, 3600, "2024-05-12 08:30");
        userId =
                jdbc.sql("SELECT id FROM users WHERE subject = :subject")
                        .param("subject", admin.subject())
                        .query(Long.class)
                        .single();
    }

    static Stream<String> hostileRequests() {
        List<String> requests = new ArrayList<>();
        for (String query :
                List.of(
                        "from=%2B999999999-12-31",
                        "to=%2B999999999-12-31",
                        "from=%2B300000-01-01",
                        "to=300000-01-01",
                        "from=0000-01-01",
                        "from=-0001-01-01",
                        "to=2024-02-30",
                        "title=" + URL_NUL,
                        "notes=a" + URL_NUL,
                        "description=" + URL_NUL,
                        "title=%25_%5C",
                        "title=" + URL_SQL,
                        "notes=" + URL_SQL,
                        "description=" + URL_SQL,
                        "page=-5",
                        "per_page=-1",
                        "per_page=99999999999",
                        "page=99999999999",
                        "page=2147483647",
                        "sport_id=abc",
                        "sport_id=" + HUGE_INTEGER,
                        "sport_id=" + URL_SQL,
                        "distance_from=1e400",
                        "distance_to=Infinity",
                        "ave_speed_to=NaN",
                        "max_speed_from=-Infinity",
                        "duration_from=99:99",
                        "duration_to=" + HUGE_INTEGER + ":00",
                        "ave_pace_from=" + HUGE_INTEGER + ":00",
                        "max_pace_to=0:00",
                        "order_by=" + URL_SQL,
                        "order=" + URL_SQL,
                        "workout_visibility=" + URL_NUL,
                        "coordinates=" + URL_NUL + "&radius=5",
                        "coordinates=1e400,1e400",
                        "coordinates=45,5&radius=1e400",
                        "coordinates=45,5&radius=NaN",
                        "coordinates=45,5,6",
                        "coordinates=" + URL_SQL,
                        "equipment_id=" + URL_SQL)) {
            requests.add("GET /api/workouts?" + query);
        }
        for (String body : hostileWorkoutBodies()) {
            requests.add("POST /api/workouts/no_gpx " + body);
            requests.add("PATCH /api/workouts/{id} " + body);
        }
        for (String body :
                List.of(
                        "{\"first_name\": \""
                                + NUL
                                + "\", \"last_name\": null, \"bio\": null,"
                                + " \"birth_date\": null, \"location\": null}",
                        "{\"first_name\": null, \"last_name\": null, \"bio\": \"a"
                                + NUL
                                + "\","
                                + " \"birth_date\": null, \"location\": null}",
                        "{\"first_name\": null, \"last_name\": null, \"bio\": null,"
                                + " \"birth_date\": null, \"location\": \""
                                + NUL
                                + "\"}",
                        "{\"first_name\": null, \"last_name\": null, \"bio\": null,"
                                + " \"birth_date\": \"+300000-01-01\", \"location\": null}",
                        "{\"first_name\": null, \"last_name\": null, \"bio\": null,"
                                + " \"birth_date\": \"0000-01-01\", \"location\": null}",
                        "{\"first_name\": \""
                                + "x".repeat(5000)
                                + "\", \"last_name\": null,"
                                + " \"bio\": null, \"birth_date\": null, \"location\": null}",
                        "{\"first_name\": 1e400, \"last_name\": null, \"bio\": null,"
                                + " \"birth_date\": null, \"location\": null}")) {
            requests.add("POST /api/auth/profile/edit " + body);
        }
        requests.add("POST /api/auth/profile/edit/preferences {\"timezone\": \"" + NUL + "\"}");
        for (String body :
                List.of(
                        "{\"sport_id\": " + HUGE_INTEGER + ", \"color\": \"#123456\"}",
                        "{\"sport_id\": 1, \"color\": \"" + NUL + "\"}",
                        "{\"sport_id\": 1, \"stopped_speed_threshold\": 1e400}",
                        "{\"sport_id\": 1, \"pace_speed_display\": \"" + SQL + "\"}",
                        "{\"sport_id\": 1e400, \"is_active\": false}")) {
            requests.add("PATCH /api/auth/profile/edit/sports " + body);
        }
        requests.add("DELETE /api/auth/profile/reset/sports/" + HUGE_INTEGER);
        for (String query :
                List.of(
                        "q=" + URL_NUL,
                        "q=" + URL_SQL,
                        "q=%25_",
                        "page=-1",
                        "per_page=99999999999",
                        "order_by=" + URL_SQL,
                        "order=" + URL_SQL)) {
            requests.add("GET /api/users?" + query);
        }
        requests.add("GET /api/users/%27%20OR%201=1%20--");
        for (String body :
                List.of(
                        "{\"activate\": \"" + NUL + "\"}",
                        "{\"role\": \"" + NUL + "\"}",
                        "{\"activate\": " + HUGE_INTEGER + "}")) {
            requests.add("PATCH /api/users/{me} " + body);
        }
        for (String query :
                List.of(
                        "from=%2B300000-01-01",
                        "to=%2B999999999-12-31",
                        "from=0000-01-01",
                        "time=" + URL_NUL,
                        "type=" + URL_SQL)) {
            requests.add("GET /api/stats/{me}/by_time?" + query);
        }
        for (String query :
                List.of("sport_id=abc", "sport_id=" + HUGE_INTEGER, "sport_id=" + URL_NUL)) {
            requests.add("GET /api/stats/{me}/by_sport?" + query);
        }
        for (String body :
                List.of(
                        "{\"about\": \"" + NUL + "\"}",
                        "{\"privacy_policy\": \"a" + NUL + "\"}",
                        "{\"admin_contact\": \"a" + NUL + "@example.org\"}",
                        "{\"max_users\": " + HUGE_INTEGER + "}",
                        "{\"max_single_file_size\": 1e400}",
                        "{\"stats_workouts_limit\": -1e400}",
                        "{\"file_limit_import\": \"" + SQL + "\"}",
                        "{\"max_single_file_size\": 2147483647}")) {
            requests.add("PATCH /api/config " + body);
        }
        for (String body :
                List.of(
                        "{\"is_active\": \"" + NUL + "\"}",
                        "{\"is_active\": " + HUGE_INTEGER + "}")) {
            requests.add("PATCH /api/sports/1 " + body);
        }
        requests.add("GET /api/sports/" + HUGE_INTEGER);
        requests.add("GET /api/workouts/{id}/chart_data/segment/" + HUGE_INTEGER);
        requests.add("GET /api/workouts/{id}/geojson/segment/-1");
        return requests.stream();
    }

    private static List<String> hostileWorkoutBodies() {
        String valid =
                "\"sport_id\": 5, \"duration\": 3600, \"distance\": 10, \"workout_date\":"
                        + " \"2024-01-01 10:00\"";
        List<String> bodies = new ArrayList<>();
        for (String field : List.of("title", "notes", "description")) {
            bodies.add("{" + valid + ", \"" + field + "\": \"a" + NUL + "b\"}");
            bodies.add("{" + valid + ", \"" + field + "\": 1e400}");
            bodies.add("{" + valid + ", \"" + field + "\": [\"" + NUL + "\"]}");
        }
        for (String date :
                List.of(
                        "+300000-01-01 10:00",
                        "300000-01-01 10:00",
                        "10000-01-01 10:00",
                        "0000-01-01 10:00",
                        "-0001-01-01 10:00",
                        "2024-01-01 24:00",
                        "2024-02-30 10:00",
                        NUL)) {
            bodies.add(
                    "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10, \"workout_date\": \""
                            + date
                            + "\"}");
        }
        bodies.add("{\"sport_id\": " + HUGE_INTEGER + ", \"duration\": 3600, \"distance\": 10}");
        bodies.add("{" + valid.replace("3600", "1e400") + "}");
        bodies.add("{" + valid.replace("3600", "1e308") + "}");
        bodies.add("{" + valid.replace("\"distance\": 10", "\"distance\": 1e308") + "}");
        bodies.add("{" + valid + ", \"calories\": " + HUGE_INTEGER + "}");
        bodies.add("{" + valid + ", \"ascent\": 1e400, \"descent\": 1}");
        bodies.add("{" + valid + ", \"ascent\": NaN, \"descent\": 1}");
        bodies.add("{" + valid + ", \"workout_visibility\": \"" + NUL + "\"}");
        bodies.add("{" + valid + ", \"sport_id\": \"" + SQL + "\"}");
        bodies.add("{\"sport_id\": 5, \"title\": ");
        bodies.add("[1, 2]");
        bodies.add("\"text\"");
        bodies.add("12");
        bodies.add("null");
        return bodies;
    }

    @ParameterizedTest
    @MethodSource("hostileRequests")
    void hostileInputIsRefusedCleanlyAndWritesNothing(String hostile) throws Exception {
        String before = fingerprint();

        MockHttpServletResponse response =
                mvc.perform(requestOf(hostile)).andReturn().getResponse();

        assertThat(response.getStatus()).as(hostile).isLessThan(500);
        if (Stream.of(URL_NUL, NUL, "999999999-", "300000-", "0000-01-01", "10000-01-01")
                .anyMatch(hostile::contains)) {
            assertThat(response.getStatus()).as(hostile).isEqualTo(400);
        }
        if (response.getStatus() >= 400) {
            assertThat(response.getContentAsString())
                    .as(hostile)
                    .containsAnyOf("\"message\"", "\"error\"", "\"data\"");
        }
        assertThat(fingerprint()).as(hostile).isEqualTo(before);
    }

    static Stream<String> hostileUploads() {
        return Stream.of(
                "{\"sport_id\": 5, \"title\": \"a" + NUL + "\"}",
                "{\"sport_id\": " + HUGE_INTEGER + "}",
                "{\"sport_id\": 5, \"notes\": 1e400}",
                "[\"" + NUL + "\"]",
                "{\"sport_id\": 5",
                NUL);
    }

    @ParameterizedTest
    @MethodSource("hostileUploads")
    void hostileUploadDataIsRefusedCleanlyAndWritesNothing(String data) throws Exception {
        String before = fingerprint();

        MockHttpServletResponse response = upload(gpxFile("run.gpx"), data);

        assertThat(response.getStatus()).as(data).isEqualTo(400);
        assertThat(fingerprint()).as(data).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void aHostileFileIsRefusedCleanlyAndWritesNothing(MockMultipartFile file) throws Exception {
        String before = fingerprint();

        MockHttpServletResponse response = upload(file, "{\"sport_id\": 5}");

        assertThat(response.getStatus()).as(file.getOriginalFilename()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"message\"");
        assertThat(fingerprint()).isEqualTo(before);
    }

    static Stream<MockMultipartFile> hostileFiles() {
        return Stream.of(
                new MockMultipartFile("file", "run.gpx", "application/gpx+xml", new byte[0]),
                new MockMultipartFile(
                        "file", "run.gpx", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new MockMultipartFile(
                        "file",
                        "run.gpx",
                        "application/gpx+xml",
                        "<gpx><trk><trkseg><trkpt lat=\"1e400\" lon=\"0\"><time>x</time>"
                                .getBytes(StandardCharsets.UTF_8)),
                new MockMultipartFile(
                        "file", "run.exe", "application/octet-stream", new byte[] {1, 2, 3}));
    }

    /** A long or NUL-holding file name is kept cut and cleaned, never refused by the database. */
    @ParameterizedTest
    @MethodSource("oddFileNames")
    void anOddFileNameIsStoredCleanly(String name) throws Exception {
        MockHttpServletResponse response = upload(gpxFile(name), "{\"sport_id\": 5}");

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(
                        jdbc.sql(
                                        "SELECT f.original_name FROM workout_files f JOIN workouts"
                                                + " w ON w.id = f.workout_id WHERE w.user_id = :u")
                                .param("u", userId)
                                .query(String.class)
                                .single())
                .hasSizeLessThanOrEqualTo(255)
                .doesNotContain("\u0000");
    }

    static Stream<String> oddFileNames() {
        return Stream.of("r".repeat(400) + ".gpx", "ru\u0000n.gpx");
    }

    private MockHttpServletRequestBuilder requestOf(String hostile) {
        int space = hostile.indexOf(' ');
        int bodyStart = hostile.indexOf(' ', space + 1);
        String method = hostile.substring(0, space);
        String path =
                bodyStart < 0
                        ? hostile.substring(space + 1)
                        : hostile.substring(space + 1, bodyStart);
        path = path.replace("{id}", workoutId).replace("{me}", admin.username());
        MockHttpServletRequestBuilder builder =
                request(HttpMethod.valueOf(method), java.net.URI.create(path))
                        .with(admin.asBearer());
        if (bodyStart >= 0) {
            builder.contentType(MediaType.APPLICATION_JSON)
                    .content(hostile.substring(bodyStart + 1));
        }
        return builder;
    }

    /** Uploads a workout file with its data as the admin. */
    private MockHttpServletResponse upload(MockMultipartFile file, String data) throws Exception {
        return mvc.perform(
                        multipart("/api/workouts")
                                .file(file)
                                .param("data", data)
                                .with(admin.asBearer()))
                .andReturn()
                .getResponse();
    }

    private static MockMultipartFile gpxFile(String name) {
        String gpx =
                "<gpx version=\"1.1\" creator=\"test\""
                    + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg><trkpt"
                    + " lat=\"45.0\" lon=\"5.0\"><time>2024-05-12T08:00:00Z</time></trkpt><trkpt"
                    + " lat=\"45.01\""
                    + " lon=\"5.0\"><time>2024-05-12T08:05:00Z</time></trkpt></trkseg></trk></gpx>";
        return new MockMultipartFile(
                "file", name, "application/gpx+xml", gpx.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything a request of the caller could change: their rows, the configuration, sports. */
    private String fingerprint() {
        return jdbc.sql(
                        """
                        SELECT md5(concat_ws('|',
                            (SELECT string_agg(w::text, ',' ORDER BY w.id) FROM workouts w
                             WHERE w.user_id = :u),
                            (SELECT string_agg(r::text, ',' ORDER BY r.id) FROM records r
                             WHERE r.user_id = :u),
                            (SELECT string_agg(p::text, ',' ORDER BY p.sport_id)
                             FROM user_sport_preferences p WHERE p.user_id = :u),
                            (SELECT count(*) FROM workout_files f
                             JOIN workouts w ON w.id = f.workout_id WHERE w.user_id = :u),
                            (SELECT u::text FROM users u WHERE u.id = :u),
                            (SELECT c::text FROM app_config c),
                            (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM sports s)))
                        """)
                .param("u", userId)
                .query(String.class)
                .single();
    }
}
