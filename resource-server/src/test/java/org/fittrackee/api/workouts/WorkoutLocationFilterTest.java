package org.fittrackee.api.workouts;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The location filter of {@code GET /api/workouts} on real PostgreSQL: whose workouts it looks at,
 * the 180th meridian and the poles, and the bound on the files it reads for one request.
 */
class WorkoutLocationFilterTest extends ApiTest {

    private static final String TOO_MANY_TRACKS =
            "too many workouts to search near these coordinates, narrow the filters (dates, sport"
                    + " or radius)";

    /** More than the 50 MiB of files one request may read. */
    private static final int ABOVE_THE_BOUND = 51 * 1024 * 1024;

    @Autowired JdbcClient jdbc;

    private final TestToken athlete = userWith("workouts:read workouts:write");

    @Test
    void coordinatesKeepTheWorkoutsWhoseTrackPassesWithinTheRadius() throws Exception {
        String grenoble = uploaded(athlete, track(45.18, 5.72, 45.20, 5.72));
        String paris = uploaded(athlete, track(48.85, 2.35, 48.86, 2.35));
        String longLine = uploaded(athlete, track(44.0, 6.0, 44.2, 6.0));
        createWorkout(athlete, 5, 5, 1800, "2024-01-01 10:00");

        list(athlete, "coordinates=45.19,5.721&radius=1")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(grenoble)));
        list(athlete, "coordinates=45.19,5.90")
                .andExpect(jsonPath("$.data.workouts", hasSize(0)))
                .andExpect(jsonPath("$.pagination.total").value(0));
        list(athlete, "coordinates=45.19,5.90&radius=15")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(grenoble)));
        list(athlete, "coordinates=48.855,2.351")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(paris)));
        // The line between its two points, 22 km apart, passes 80 m from the point.
        list(athlete, "coordinates=44.1,6.001&radius=0.5")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(longLine)));
        list(athlete, "coordinates=46,5&radius=500")
                .andExpect(
                        jsonPath(
                                "$.data.workouts[*].id",
                                containsInAnyOrder(grenoble, paris, longLine)));
        list(athlete, "coordinates=46,5&radius=500&sport_id=1")
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
    }

    @Test
    void anotherUsersWorkoutsNearThePointNeverAppear() throws Exception {
        TestToken neighbour = userWith("workouts:read workouts:write");
        String own = uploaded(athlete, track(45.18, 5.72, 45.20, 5.72));
        uploaded(neighbour, track(45.18, 5.72, 45.20, 5.72));
        uploaded(neighbour, track(45.19, 5.70, 45.19, 5.74));

        list(athlete, "coordinates=45.19,5.72&radius=1")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(own)))
                .andExpect(jsonPath("$.pagination.total").value(1));
        list(athlete, "coordinates=45.19,5.72&radius=20000")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(own)));
    }

    @Test
    void aTrackAcrossThe180thMeridianIsFoundFromEitherSideAndNotFromTheOtherSideOfTheEarth()
            throws Exception {
        String fiji = uploaded(athlete, track(-16.5, 179.99, -16.5, -179.99));
        String east = uploaded(athlete, track(-16.6, 179.5, -16.6, 179.6));

        list(athlete, "coordinates=-16.5,180&radius=0.5")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(fiji)));
        list(athlete, "coordinates=-16.5,-179.999&radius=0.5")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(fiji)));
        // Between the track's two points, outside its box of [-179.99, 179.99].
        list(athlete, "coordinates=-16.5,179.995&radius=0.1")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(fiji)));
        list(athlete, "coordinates=-16.5,0&radius=100")
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
        // 43.7 km east of 179.6 degrees, across the meridian.
        list(athlete, "coordinates=-16.6,-179.99&radius=50")
                .andExpect(jsonPath("$.data.workouts[*].id", containsInAnyOrder(fiji, east)));
        list(athlete, "coordinates=-16.6,-179.99&radius=40")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(fiji)));
    }

    @Test
    void nearAPoleATrackOnTheOtherSideOfItIsFound() throws Exception {
        String overThePole = uploaded(athlete, track(89.95, 90, 89.95, 91));

        // On the plane tangent at the point, the track lies 17.5 km away, across the pole.
        list(athlete, "coordinates=89.95,-90&radius=20")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(overThePole)));
        list(athlete, "coordinates=89.95,-90&radius=15")
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
        list(athlete, "coordinates=-89.95,-90&radius=20")
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
    }

    @Test
    void filesAboveTheBoundToReadGetABadRequestUntilTheOtherFiltersLeaveThemOut() throws Exception {
        String running = uploaded(athlete, track(45.18, 5.72, 45.20, 5.72));
        storeWorkout(athlete, 1, "2023-06-01", 45.10, 5.60, 45.30, 5.80, ABOVE_THE_BOUND);

        mvc.perform(
                        get(URI.create("/api/workouts?coordinates=45.19,5.72&radius=1"))
                                .with(athlete.asBearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value(TOO_MANY_TRACKS));
        list(athlete, "coordinates=45.19,5.72&radius=1&sport_id=5")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(running)));
        list(athlete, "coordinates=45.19,5.72&radius=1&from=2024-01-01")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(running)));
        list(athlete, "coordinates=45.19,5.72&radius=1&title=nothing-like-it")
                .andExpect(jsonPath("$.data.workouts", hasSize(0)));
    }

    @Test
    void aWorkoutWhoseWholeBoxLiesWithinTheRadiusMatchesWithoutItsFileBeingRead() throws Exception {
        // Neither stored file is GPX: had one been read, its workout would not match.
        String within = storeWorkout(athlete, 5, "2024-06-01", 45.18, 5.71, 45.20, 5.73, 10);
        list(athlete, "coordinates=45.19,5.72&radius=5")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(within)));

        String large =
                storeWorkout(athlete, 5, "2024-06-02", 45.0, 5.5, 45.4, 5.9, ABOVE_THE_BOUND);
        list(athlete, "coordinates=45.19,5.72&radius=100")
                .andExpect(jsonPath("$.data.workouts[*].id", contains(large, within)));
    }

    private ResultActions list(TestToken token, String query) throws Exception {
        return mvc.perform(get(URI.create("/api/workouts?" + query)).with(token.asBearer()))
                .andExpect(status().isOk());
    }

    private String uploaded(TestToken token, String gpx) throws Exception {
        MockMultipartFile file =
                new MockMultipartFile(
                        "file",
                        "track.gpx",
                        "application/gpx+xml",
                        gpx.getBytes(StandardCharsets.UTF_8));
        return uploadWorkout(token, file, 5);
    }

    /**
     * A workout with the given bounds and a stored file of the given size that is no GPX, written
     * straight into the tables (after a first request, which makes the token's user): what the
     * filter does before it reads a file. Returns its short id.
     */
    private String storeWorkout(
            TestToken token,
            int sportId,
            String day,
            double minLatitude,
            double minLongitude,
            double maxLatitude,
            double maxLongitude,
            int fileSize)
            throws Exception {
        list(token, "");
        UUID uuid = UUID.randomUUID();
        long workoutId =
                jdbc.sql(
                                """
                                INSERT INTO workouts (uuid, user_id, sport_id, workout_date,
                                    duration, moving, distance, bounds)
                                SELECT :uuid, id, :sportId, CAST(:day AS TIMESTAMPTZ), 3600, 3600,
                                    10, ARRAY[:minLat, :minLon, :maxLat, :maxLon]::float8[]
                                FROM users WHERE subject = :subject
                                RETURNING id
                                """)
                        .param("uuid", uuid)
                        .param("sportId", sportId)
                        .param("day", day + " 10:00Z")
                        .param("minLat", minLatitude)
                        .param("minLon", minLongitude)
                        .param("maxLat", maxLatitude)
                        .param("maxLon", maxLongitude)
                        .param("subject", token.subject())
                        .query(Long.class)
                        .single();
        jdbc.sql(
                        """
                        INSERT INTO workout_files (workout_id, original_name, gpx)
                        VALUES (:id, 'not-gpx.gpx', convert_to(repeat('x', :size), 'UTF8'))
                        """)
                .param("id", workoutId)
                .param("size", fileSize)
                .update();
        return ShortId.encode(uuid);
    }

    /** A track of two points, an hour apart. */
    private static String track(double lat1, double lon1, double lat2, double lon2) {
        return "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                + "<trk><trkseg>"
                + point(lat1, lon1, "2024-05-12T08:00:00Z")
                + point(lat2, lon2, "2024-05-12T09:00:00Z")
                + "</trkseg></trk></gpx>";
    }

    private static String point(double lat, double lon, String time) {
        return "<trkpt lat=\"" + lat + "\" lon=\"" + lon + "\"><time>" + time + "</time></trkpt>";
    }
}
