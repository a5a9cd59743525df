package org.fittrackee.api.workouts;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fittrackee.api.application.AppConfigRepository;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.http.NulCharacters;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.sports.Sport;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.User;
import org.fittrackee.api.workouts.gpx.ChartPoint;
import org.fittrackee.api.workouts.gpx.GpxAnalysis;
import org.fittrackee.api.workouts.gpx.GpxAnalyzer;
import org.fittrackee.api.workouts.gpx.InvalidGpxException;
import org.fittrackee.api.workouts.gpx.SegmentAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * FitTrackee's workouts made from GPX files: upload, chart data, GeoJSON and download.
 *
 * <p>NOTE: only GPX files are read; FitTrackee also takes KML, KMZ, FIT, TCX and zip archives.
 * Those are refused with "file extension not allowed" until readers for them are added.
 */
@RestController
public class WorkoutFilesController {

    private static final Logger LOG = LoggerFactory.getLogger(WorkoutFilesController.class);

    private final WorkoutViews views;
    private final WorkoutService service;
    private final WorkoutFileRepository files;
    private final AppConfigRepository configs;
    private final JsonMapper json;

    public WorkoutFilesController(
            WorkoutViews views,
            WorkoutService service,
            WorkoutFileRepository files,
            AppConfigRepository configs,
            JsonMapper json) {
        this.views = views;
        this.service = service;
        this.files = files;
        this.configs = configs;
        this.json = json;
    }

    @PostMapping(value = "/api/workouts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequireAuth(scope = "workouts:write")
    public ResponseEntity<Map<String, Object>> upload(
            AuthenticatedUser caller,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "data", required = false) String data,
            HttpServletRequest request)
            throws IOException {
        byte[] gpx = checkedFile(file, request.getContentLengthLong());
        Map<String, Object> metadata = metadataOf(data);
        User user = caller.user();
        Sport sport = views.sportOfNewWorkout(WorkoutPayloads.sportIdOf(metadata), user.id());

        GpxAnalysis analysis = analyzed(gpx, sport.stoppedSpeedThreshold());
        Workout workout =
                service.createFromFile(
                        user.id(),
                        valuesOf(analysis, metadata, sport, user),
                        segmentsOf(analysis),
                        storedName(file.getOriginalFilename()),
                        gpx);
        LOG.info(
                "Workout {} created from {} ({} bytes) by user {} through client {}",
                workout.shortId(),
                file.getOriginalFilename(),
                gpx.length,
                user.id(),
                caller.clientId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(
                        WorkoutsController.workoutsResponse(
                                "created", views.detailJson(caller, workout)));
    }

    @GetMapping("/api/workouts/{workoutId}/chart_data")
    @RequireAuth(scope = "workouts:read", optional = true)
    public ResponseEntity<Map<String, Object>> chartData(
            AuthenticatedUser caller, @PathVariable String workoutId) {
        return chartDataOf(caller, workoutId, null);
    }

    @GetMapping("/api/workouts/{workoutId}/chart_data/segment/{segmentId}")
    @RequireAuth(scope = "workouts:read", optional = true)
    public ResponseEntity<Map<String, Object>> segmentChartData(
            AuthenticatedUser caller,
            @PathVariable String workoutId,
            @PathVariable String segmentId) {
        return chartDataOf(caller, workoutId, segmentNumberOf(segmentId));
    }

    @GetMapping("/api/workouts/{workoutId}/geojson")
    @RequireAuth(scope = "workouts:read", optional = true)
    public ResponseEntity<Map<String, Object>> geojson(
            AuthenticatedUser caller, @PathVariable String workoutId) {
        return geojsonOf(caller, workoutId, null);
    }

    @GetMapping("/api/workouts/{workoutId}/geojson/segment/{segmentId}")
    @RequireAuth(scope = "workouts:read", optional = true)
    public ResponseEntity<Map<String, Object>> segmentGeojson(
            AuthenticatedUser caller,
            @PathVariable String workoutId,
            @PathVariable String segmentId) {
        return geojsonOf(caller, workoutId, segmentNumberOf(segmentId));
    }

    /** FitTrackee removed these routes; it answers 410 with an empty object. */
    @GetMapping({"/api/workouts/{workoutId}/gpx", "/api/workouts/{workoutId}/gpx/segment/{n}"})
    @RequireAuth(scope = "workouts:read", optional = true)
    public ResponseEntity<Map<String, Object>> removedGpxRoutes() {
        return ResponseEntity.status(HttpStatus.GONE).body(Map.of());
    }

    @GetMapping("/api/workouts/{workoutId}/gpx/download")
    @RequireAuth(scope = "workouts:read")
    public ResponseEntity<byte[]> download(
            AuthenticatedUser caller, @PathVariable String workoutId) {
        Workout workout = views.visibleWorkout(caller, workoutId);
        WorkoutFileRepository.StoredFile file =
                workout.isOwnedBy(caller.id()) ? files.findFile(workout.id()).orElse(null) : null;
        if (file == null) {
            throw FittrackeeException.notFound("workout not found");
        }

        String name =
                "workout-"
                        + workout.workoutDate().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
                        + "-"
                        + workout.shortId()
                        + ".gpx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/gpx+xml"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(file.gpx());
    }

    private ResponseEntity<Map<String, Object>> chartDataOf(
            AuthenticatedUser caller, String workoutId, Integer segment) {
        Optional<byte[]> gpx = analysableFile(caller, workoutId);
        if (gpx.isEmpty()) {
            return dataResponse(HttpStatus.NOT_FOUND, "not found", "chart_data", "");
        }
        boolean heartRate = views.mayShowHeartRate(caller, views.visibleWorkout(caller, workoutId));
        List<Map<String, Object>> points =
                GpxAnalyzer.chartData(gpx.get(), segment).stream()
                        .map(ChartPoint::toJson)
                        .map(point -> heartRate ? point : withoutHeartRate(point))
                        .toList();
        return dataResponse(HttpStatus.OK, "success", "chart_data", points);
    }

    private ResponseEntity<Map<String, Object>> geojsonOf(
            AuthenticatedUser caller, String workoutId, Integer segment) {
        Optional<Map<String, Object>> geometry =
                mapFile(caller, workoutId).flatMap(gpx -> GpxAnalyzer.geojson(gpx, segment));
        if (geometry.isEmpty()) {
            return dataResponse(HttpStatus.NOT_FOUND, "not found", "geojson", null);
        }
        return dataResponse(HttpStatus.OK, "success", "geojson", geometry.get());
    }

    /** The file, if the caller may see the workout's analysis (charts). */
    private Optional<byte[]> analysableFile(AuthenticatedUser caller, String workoutId) {
        Workout workout = views.visibleWorkout(caller, workoutId);
        boolean allowed =
                (caller != null && workout.isOwnedBy(caller.id()))
                        || "public".equals(workout.analysisVisibility());
        return allowed
                ? files.findFile(workout.id()).map(WorkoutFileRepository.StoredFile::gpx)
                : Optional.empty();
    }

    /** The file, if the caller may see the workout's map. */
    private Optional<byte[]> mapFile(AuthenticatedUser caller, String workoutId) {
        Workout workout = views.visibleWorkout(caller, workoutId);
        boolean allowed =
                (caller != null && workout.isOwnedBy(caller.id()))
                        || "public".equals(workout.mapVisibility());
        return allowed
                ? files.findFile(workout.id()).map(WorkoutFileRepository.StoredFile::gpx)
                : Optional.empty();
    }

    /**
     * The uploaded GPX file, checked as FitTrackee checks it: present, named, with an allowed
     * extension, and a request no larger than the instance's limit (FitTrackee compares the
     * request's length, which the form's other fields count in, when the client sent it).
     */
    private byte[] checkedFile(MultipartFile file, long requestLength) throws IOException {
        if (file == null) {
            throw FittrackeeException.fail("no file part");
        }
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            throw FittrackeeException.fail("no selected file");
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".gpx")) {
            throw FittrackeeException.fail("file extension not allowed");
        }

        long size = requestLength > 0 ? requestLength : file.getSize();
        int limit = configs.load().maxSingleFileSize();
        if (size > limit) {
            throw FittrackeeException.uploadTooLarge("workout", size, limit);
        }
        return file.getBytes();
    }

    /**
     * The file's name as kept with it: no NUL character (PostgreSQL refuses them) and at most the
     * column's 255 characters. Only the owner sees it, and downloads get a name of their own.
     */
    private static String storedName(String name) {
        String clean = name.replace("\u0000", "");
        return clean.codePointCount(0, clean.length()) <= 255
                ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, 255));
    }

    private Map<String, Object> metadataOf(String data) {
        if (data == null || data.isBlank()) {
            throw FittrackeeException.invalidPayload();
        }
        try {
            Object parsed = json.readValue(data, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                NulCharacters.refuseIn(map, null);
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) map;
                return metadata;
            }
        } catch (JacksonException e) {
            LOG.debug("Unreadable workout data: {}", e.getOriginalMessage());
        }
        throw FittrackeeException.invalidPayload();
    }

    private static GpxAnalysis analyzed(byte[] gpx, double stoppedSpeedThreshold) {
        try {
            return GpxAnalyzer.analyze(gpx, stoppedSpeedThreshold);
        } catch (InvalidGpxException e) {
            throw FittrackeeException.badRequest(e.getMessage());
        }
    }

    private static WorkoutValues valuesOf(
            GpxAnalysis analysis, Map<String, Object> metadata, Sport sport, User user) {
        String title = WorkoutPayloads.textOf(metadata, "title", WorkoutPayloads.TITLE_LIMIT);
        return new WorkoutValues(
                sport.id(),
                title != null ? title : sport.label(),
                WorkoutPayloads.textOf(metadata, "notes", WorkoutPayloads.NOTES_LIMIT),
                WorkoutPayloads.textOf(metadata, "description", WorkoutPayloads.DESCRIPTION_LIMIT),
                analysis.startTime().atOffset(ZoneOffset.UTC),
                seconds(analysis.duration()),
                seconds(analysis.moving()),
                seconds(analysis.pauses()),
                analysis.distance(),
                analysis.minAltitude(),
                analysis.maxAltitude(),
                analysis.ascent(),
                analysis.descent(),
                analysis.maxSpeed(),
                analysis.averageSpeed(),
                analysis.bounds() == null ? null : analysis.bounds().toList(),
                WorkoutPayloads.caloriesOf(metadata, null),
                SensorValues.of(analysis.sensors()),
                WorkoutPayloads.visibilityOf(
                        metadata, "workout_visibility", user.preferences().workoutsVisibility()),
                WorkoutPayloads.visibilityOf(
                        metadata, "map_visibility", user.preferences().mapVisibility()),
                WorkoutPayloads.visibilityOf(
                        metadata, "analysis_visibility", user.preferences().analysisVisibility()));
    }

    private static List<WorkoutSegment> segmentsOf(GpxAnalysis analysis) {
        return analysis.segments().stream().map(WorkoutFilesController::segmentOf).toList();
    }

    private static WorkoutSegment segmentOf(SegmentAnalysis segment) {
        return new WorkoutSegment(
                0,
                segment.number(),
                seconds(segment.duration()),
                seconds(segment.moving()),
                seconds(segment.pauses()),
                segment.distance(),
                segment.minAltitude(),
                segment.maxAltitude(),
                segment.ascent(),
                segment.descent(),
                segment.maxSpeed(),
                segment.averageSpeed(),
                SensorValues.of(segment.sensors()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Map<String, Object> withoutHeartRate(Map<String, Object> point) {
        Map<String, Object> shown = new LinkedHashMap<>(point);
        shown.remove("hr");
        return shown;
    }

    private static Integer segmentNumberOf(String segmentId) {
        try {
            int number = Integer.parseInt(segmentId);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered as an unknown segment below
        }
        return Integer.MAX_VALUE;
    }

    private static ResponseEntity<Map<String, Object>> dataResponse(
            HttpStatus status, String fittrackeeStatus, String key, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, value);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", fittrackeeStatus);
        body.put("data", data);
        return ResponseEntity.status(status).body(body);
    }
}
