package org.fittrackee.api.workouts;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.http.Pagination;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.sports.Sport;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** FitTrackee's {@code /api/workouts} without files: list, read, create, edit, delete. */
@RestController
public class WorkoutsController {

    private static final Logger LOG = LoggerFactory.getLogger(WorkoutsController.class);

    /** How many workouts FitTrackee shows on a user's page. */
    static final int LATEST_WORKOUTS = 5;

    private final WorkoutRepository workouts;
    private final WorkoutService service;
    private final WorkoutViews views;
    private final UserRepository users;
    private final WorkoutLocations locations;

    public WorkoutsController(
            WorkoutRepository workouts,
            WorkoutService service,
            WorkoutViews views,
            UserRepository users,
            WorkoutLocations locations) {
        this.workouts = workouts;
        this.service = service;
        this.views = views;
        this.users = users;
        this.locations = locations;
    }

    @GetMapping("/api/workouts")
    @RequireAuth(scope = "workouts:read")
    public Map<String, Object> list(
            AuthenticatedUser caller, @RequestParam Map<String, String> query) {
        WorkoutFilter filter =
                locations.resolve(caller.id(), WorkoutFilters.parse(query, zoneOf(caller.user())));
        List<Workout> page = workouts.page(caller.id(), filter);
        WorkoutTotals all = workouts.totals(caller.id(), filter);

        boolean withEquipments = "true".equalsIgnoreCase(query.get("return_equipments"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workouts", views.listJson(caller.user(), page, true, withEquipments));
        if ("true".equalsIgnoreCase(query.get("with_statistics"))) {
            data.put(
                    "statistics",
                    Map.of("current_page", statistics(totalsOf(page)), "all", statistics(all)));
        }

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", data);
        response.put("pagination", Pagination.of(filter.page(), filter.perPage(), all.count()));
        return response;
    }

    @GetMapping("/api/workouts/{workoutId}")
    @RequireAuth(scope = "workouts:read", optional = true)
    public Map<String, Object> get(AuthenticatedUser caller, @PathVariable String workoutId) {
        Workout workout = views.visibleWorkout(caller, workoutId);
        return workoutsResponse("success", views.detailJson(caller, workout));
    }

    @PostMapping("/api/workouts/no_gpx")
    @RequireAuth(scope = "workouts:write")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> createWithoutFile(
            AuthenticatedUser caller, @RequestBody(required = false) Map<String, Object> body) {
        if (body == null || body.isEmpty()) {
            throw FittrackeeException.invalidPayload();
        }
        User user = caller.user();
        Sport sport = views.sportOfNewWorkout(WorkoutPayloads.sportIdOf(body), user.id());
        double duration = WorkoutPayloads.durationOf(body);
        double distance = WorkoutPayloads.distanceOf(body);
        WorkoutValues values =
                new WorkoutValues(
                        sport.id(),
                        titleOrDefault(body, sport),
                        WorkoutPayloads.textOf(body, "notes", WorkoutPayloads.NOTES_LIMIT),
                        WorkoutPayloads.textOf(
                                body, "description", WorkoutPayloads.DESCRIPTION_LIMIT),
                        WorkoutPayloads.workoutDateOf(body, zoneOf(user)),
                        duration,
                        duration,
                        0,
                        distance,
                        null,
                        null,
                        WorkoutPayloads.elevationOf(body)[0],
                        WorkoutPayloads.elevationOf(body)[1],
                        speedOf(distance, duration),
                        speedOf(distance, duration),
                        null,
                        WorkoutPayloads.caloriesOf(body, null),
                        SensorValues.NONE,
                        WorkoutPayloads.visibilityOf(
                                body,
                                "workout_visibility",
                                user.preferences().workoutsVisibility()),
                        user.preferences().mapVisibility(),
                        user.preferences().analysisVisibility());

        Workout workout = service.create(user.id(), values);
        LOG.info(
                "Workout {} created by user {} through client {}",
                workout.shortId(),
                user.id(),
                caller.clientId());
        return workoutsResponse("created", views.detailJson(caller, workout));
    }

    @PatchMapping("/api/workouts/{workoutId}")
    @RequireAuth(scope = "workouts:write")
    public Map<String, Object> update(
            AuthenticatedUser caller,
            @PathVariable String workoutId,
            @RequestBody(required = false) Map<String, Object> body) {
        Workout workout = views.ownedWorkout(caller, workoutId);
        if (body == null || body.isEmpty()) {
            throw FittrackeeException.invalidPayload();
        }

        ZoneId zone = zoneOf(caller.user());
        Workout updated =
                service.update(
                        workout,
                        current -> WorkoutEdit.apply(current, body, this::editedSportId, zone));
        return workoutsResponse("success", views.detailJson(caller, updated));
    }

    @DeleteMapping("/api/workouts/{workoutId}")
    @RequireAuth(scope = "workouts:write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(AuthenticatedUser caller, @PathVariable String workoutId) {
        Workout workout = views.ownedWorkout(caller, workoutId);
        service.delete(workout);
        LOG.info(
                "Workout {} deleted by user {} through client {}",
                workout.shortId(),
                caller.id(),
                caller.clientId());
    }

    @GetMapping("/api/users/{username}/workouts")
    @RequireAuth(scope = "workouts:read", optional = true)
    public Map<String, Object> latestOfUser(
            AuthenticatedUser caller, @PathVariable String username) {
        User owner =
                users.findByUsername(username)
                        .filter(User::isActive)
                        .orElseThrow(() -> FittrackeeException.notFound("user does not exist"));
        boolean viewerIsOwner = caller != null && caller.id() == owner.id();

        List<Workout> latest = workouts.latestOf(owner.id(), !viewerIsOwner, LATEST_WORKOUTS);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put(
                "data", Map.of("workouts", views.listJson(owner, latest, viewerIsOwner, false)));
        return response;
    }

    private int editedSportId(int sportId, long userId) {
        return views.sportOfEditedWorkout(sportId, userId).id();
    }

    private static String titleOrDefault(Map<String, Object> body, Sport sport) {
        String title = WorkoutPayloads.textOf(body, "title", WorkoutPayloads.TITLE_LIMIT);
        return title != null ? title : sport.label();
    }

    static double speedOf(double distanceKm, double seconds) {
        return seconds > 0 ? distanceKm / (seconds / 3600) : 0;
    }

    static ZoneId zoneOf(User user) {
        try {
            return ZoneId.of(user.preferences().timezone());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static WorkoutTotals totalsOf(List<Workout> page) {
        return new WorkoutTotals(
                page.size(),
                page.stream().mapToDouble(Workout::distance).sum(),
                page.stream().mapToDouble(Workout::duration).sum(),
                page.stream()
                        .mapToDouble(w -> w.moving() == null ? w.duration() : w.moving())
                        .sum(),
                page.stream().mapToDouble(w -> w.ascent() == null ? 0 : w.ascent()).sum(),
                page.stream().mapToDouble(w -> w.descent() == null ? 0 : w.descent()).sum(),
                page.stream().map(Workout::sportId).distinct().count(),
                page.stream()
                        .mapToDouble(w -> w.maxSpeed() == null ? 0 : w.maxSpeed())
                        .max()
                        .orElse(0));
    }

    private static Map<String, Object> statistics(WorkoutTotals totals) {
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put(
                "average_speed", WorkoutJson.rounded(speedOf(totals.distance(), totals.moving())));
        statistics.put("count", totals.count());
        statistics.put("max_speed", WorkoutJson.rounded(totals.maxSpeed()));
        statistics.put("total_ascent", WorkoutJson.rounded(totals.ascent()));
        statistics.put("total_descent", WorkoutJson.rounded(totals.descent()));
        statistics.put("total_distance", WorkoutJson.rounded(totals.distance()));
        statistics.put("total_duration", Durations.format(totals.duration()));
        statistics.put("total_sports", totals.sports());
        return statistics;
    }

    static Map<String, Object> workoutsResponse(String status, Map<String, Object> workout) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", status);
        response.put("data", Map.of("workouts", List.of(workout)));
        return response;
    }
}
