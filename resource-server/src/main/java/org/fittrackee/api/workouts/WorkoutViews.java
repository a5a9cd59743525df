package org.fittrackee.api.workouts;

import java.util.List;
import java.util.Map;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.records.RecordJson;
import org.fittrackee.api.records.RecordRepository;
import org.fittrackee.api.records.WorkoutRecord;
import org.fittrackee.api.sports.Sport;
import org.fittrackee.api.sports.SportRepository;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserJson;
import org.fittrackee.api.users.UserRepository;
import org.springframework.stereotype.Component;

/**
 * Who may see which workout, and the workout JSON each viewer gets, for every workouts endpoint. A
 * workout is visible to its owner, and to everyone once its owner made it public.
 *
 * <p>NOTE: FitTrackee's "followers_only" visibility counts as private here, as there are no
 * followers yet; the follow feature lifts this.
 */
@Component
public class WorkoutViews {

    private final WorkoutRepository workouts;
    private final WorkoutFileRepository files;
    private final RecordRepository records;
    private final SportRepository sports;
    private final UserRepository users;

    public WorkoutViews(
            WorkoutRepository workouts,
            WorkoutFileRepository files,
            RecordRepository records,
            SportRepository sports,
            UserRepository users) {
        this.workouts = workouts;
        this.files = files;
        this.records = records;
        this.sports = sports;
        this.users = users;
    }

    /** The workout if the caller may see it, else FitTrackee's data-style 404. */
    public Workout visibleWorkout(AuthenticatedUser caller, String workoutId) {
        Workout workout = ShortId.decode(workoutId).flatMap(workouts::findByUuid).orElse(null);
        boolean visible =
                workout != null
                        && ((caller != null && workout.isOwnedBy(caller.id()))
                                || "public".equals(workout.workoutVisibility()));
        if (!visible) {
            throw FittrackeeException.notFoundData("workouts", List.of());
        }
        return workout;
    }

    /** The caller's own workout; a visible one of another user is FitTrackee's 403. */
    public Workout ownedWorkout(AuthenticatedUser caller, String workoutId) {
        Workout workout = visibleWorkout(caller, workoutId);
        if (!workout.isOwnedBy(caller.id())) {
            throw FittrackeeException.forbidden();
        }
        return workout;
    }

    /**
     * The JSON of a page of the owner's workouts, in the list form.
     *
     * @param withEquipments whether each workout gives its (empty) {@code equipments}
     */
    public List<Map<String, Object>> listJson(
            User owner, List<Workout> page, boolean viewerIsOwner, boolean withEquipments) {
        Map<String, Object> ownerJson = UserJson.light(owner, workouts.countOf(owner.id()));
        Map<Long, List<WorkoutRecord>> recordsByWorkout =
                records.findByWorkouts(page.stream().map(Workout::id).toList());
        boolean showCalories = mayShow(owner.preferences().caloriesVisibility(), viewerIsOwner);
        boolean showHeartRate = mayShow(owner.preferences().hrVisibility(), viewerIsOwner);

        return page.stream()
                .map(
                        workout ->
                                new WorkoutJson.WorkoutView(
                                        workout,
                                        viewerIsOwner,
                                        false,
                                        ownerJson,
                                        recordsJson(
                                                recordsByWorkout.getOrDefault(
                                                        workout.id(), List.of()),
                                                owner),
                                        List.of(),
                                        null,
                                        showCalories,
                                        showHeartRate,
                                        withEquipments))
                .map(WorkoutJson::of)
                .toList();
    }

    /** The JSON of a workout as the caller may see it, in its detail form. */
    public Map<String, Object> detailJson(AuthenticatedUser caller, Workout workout) {
        User owner = users.findById(workout.userId()).orElseThrow();
        boolean viewerIsOwner = caller != null && workout.isOwnedBy(caller.id());
        boolean showHeartRate = mayShow(owner.preferences().hrVisibility(), viewerIsOwner);
        return WorkoutJson.of(
                new WorkoutJson.WorkoutView(
                        workout,
                        viewerIsOwner,
                        true,
                        UserJson.light(owner, workouts.countOf(owner.id())),
                        recordsJson(
                                records.findByWorkouts(List.of(workout.id()))
                                        .getOrDefault(workout.id(), List.of()),
                                owner),
                        segmentsJson(workout, showHeartRate),
                        viewerIsOwner ? workouts.neighboursOf(workout) : null,
                        mayShow(owner.preferences().caloriesVisibility(), viewerIsOwner),
                        showHeartRate,
                        true));
    }

    private List<Map<String, Object>> segmentsJson(Workout workout, boolean showHeartRate) {
        return files
                .segmentsOf(List.of(workout.id()))
                .getOrDefault(workout.id(), List.of())
                .stream()
                .map(segment -> WorkoutJson.segment(segment, workout.shortId(), showHeartRate))
                .toList();
    }

    private static List<Map<String, Object>> recordsJson(List<WorkoutRecord> records, User owner) {
        return records.stream().map(record -> RecordJson.of(record, owner.username())).toList();
    }

    /** Whether a value the owner shows at this visibility reaches the viewer. */
    public static boolean mayShow(String ownerVisibility, boolean viewerIsOwner) {
        return viewerIsOwner || "public".equals(ownerVisibility);
    }

    /** Whether the viewer may see the owner's heart rate in chart data. */
    public boolean mayShowHeartRate(AuthenticatedUser caller, Workout workout) {
        boolean viewerIsOwner = caller != null && workout.isOwnedBy(caller.id());
        User owner = users.findById(workout.userId()).orElseThrow();
        return mayShow(owner.preferences().hrVisibility(), viewerIsOwner);
    }

    /**
     * The sport of a new workout, with the user's preferences, or FitTrackee's 400. As in
     * FitTrackee, an inactive sport is accepted: only the web client's menus leave it out.
     */
    public Sport sportOfNewWorkout(int sportId, long userId) {
        return sports.findById(sportId, userId)
                .orElseThrow(
                        () ->
                                FittrackeeException.invalid(
                                        "Sport id: " + sportId + " does not exist"));
    }

    /** The sport a workout is moved to, or FitTrackee's 400 for an edit. */
    public Sport sportOfEditedWorkout(int sportId, long userId) {
        return sports.findById(sportId, userId)
                .orElseThrow(
                        () -> FittrackeeException.invalid("sport id " + sportId + " not found"));
    }
}
