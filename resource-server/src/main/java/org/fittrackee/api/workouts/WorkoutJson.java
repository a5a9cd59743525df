package org.fittrackee.api.workouts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.http.Dates;

/** FitTrackee's JSON for a workout, in its list form and its detail form. */
public final class WorkoutJson {

    private WorkoutJson() {}

    /**
     * The workout as the viewer may see it: the owner sees everything; another user sees the map
     * and the analysis only when the owner made them public.
     */
    public static Map<String, Object> of(WorkoutView view) {
        Workout workout = view.workout();
        SensorValues sensors = workout.sensors();
        boolean owner = view.viewerIsOwner();
        boolean showMap = owner || "public".equals(workout.mapVisibility());
        boolean showAnalysis = owner || "public".equals(workout.analysisVisibility());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("analysis_visibility", workout.analysisVisibility());
        json.put("ascent", rounded(workout.ascent()));
        json.put("ave_cadence", sensors.aveCadence());
        json.put("ave_hr", view.showHeartRate() ? sensors.aveHr() : null);
        json.put("ave_pace", pace(workout.aveSpeed()));
        json.put("ave_power", sensors.avePower());
        json.put("ave_speed", rounded(workout.aveSpeed()));
        json.put("best_pace", pace(workout.maxSpeed()));
        json.put("bounds", view.detail() && showMap ? workout.bounds() : List.of());
        json.put("calories", view.showCalories() ? workout.calories() : null);
        json.put("creation_date", Dates.rfc1123(workout.creationDate()));
        json.put("descent", rounded(workout.descent()));
        if (view.detail()) {
            json.put("description", workout.description());
        }
        json.put("distance", rounded(workout.distance()));
        json.put("duration", Durations.format(workout.duration()));
        if (view.withEquipments()) {
            // Equipment is not served (reference §5): no workout has any.
            json.put("equipments", List.of());
        }
        json.put("id", workout.shortId());
        json.put("liked", false);
        json.put("likes_count", 0);
        json.put("map", null);
        json.put("map_visibility", workout.mapVisibility());
        json.put("max_alt", rounded(workout.maxAlt()));
        json.put("max_cadence", sensors.maxCadence());
        json.put("max_hr", view.showHeartRate() ? sensors.maxHr() : null);
        json.put("max_power", sensors.maxPower());
        json.put("max_speed", rounded(workout.maxSpeed()));
        json.put("min_alt", rounded(workout.minAlt()));
        json.put("modification_date", Dates.rfc1123(workout.modificationDate()));
        json.put("moving", Durations.format(workout.moving()));
        json.put("next_workout", view.neighbours() == null ? null : view.neighbours().next());
        json.put("notes", workout.notes());
        json.put("pauses", Durations.format(workout.pauses()));
        json.put(
                "previous_workout",
                view.neighbours() == null ? null : view.neighbours().previous());
        json.put("records", view.records());
        json.put("segments", showAnalysis ? view.segments() : List.of());
        json.put("sport_id", workout.sportId());
        json.put("suspended", false);
        if (owner) {
            json.put("suspended_at", null);
        }
        json.put("title", workout.title());
        json.put("user", view.owner());
        json.put("weather_end", null);
        json.put("weather_start", null);
        json.put("with_analysis", workout.withFile() && showAnalysis);
        json.put("with_file", workout.withFile());
        json.put("with_gpx", workout.withFile());
        json.put("workout_date", Dates.rfc1123(workout.workoutDate()));
        json.put("workout_visibility", workout.workoutVisibility());
        return json;
    }

    /**
     * FitTrackee's JSON for a segment of a workout made from a file; the heart rate only for a
     * viewer the owner's {@code hr_visibility} lets in.
     */
    public static Map<String, Object> segment(
            WorkoutSegment segment, String workoutShortId, boolean showHeartRate) {
        SensorValues sensors = segment.sensors();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ascent", rounded(segment.ascent()));
        json.put("ave_cadence", sensors.aveCadence());
        json.put("ave_hr", showHeartRate ? sensors.aveHr() : null);
        json.put("ave_power", sensors.avePower());
        json.put("ave_speed", rounded(segment.aveSpeed()));
        json.put("descent", rounded(segment.descent()));
        json.put("distance", rounded(segment.distance()));
        json.put("duration", Durations.format(segment.duration()));
        json.put("max_alt", rounded(segment.maxAlt()));
        json.put("max_cadence", sensors.maxCadence());
        json.put("max_hr", showHeartRate ? sensors.maxHr() : null);
        json.put("max_power", sensors.maxPower());
        json.put("max_speed", rounded(segment.maxSpeed()));
        json.put("min_alt", rounded(segment.minAlt()));
        json.put("moving", Durations.format(segment.moving()));
        json.put("pauses", Durations.format(segment.pauses()));
        json.put("segment_id", segment.number());
        json.put("workout_id", workoutShortId);
        return json;
    }

    /** Seconds per km at a speed in km/h, as a duration; null without a speed. */
    static String pace(Double speedKmh) {
        if (speedKmh == null || speedKmh <= 0) {
            return null;
        }
        return Durations.format(3600 / speedKmh);
    }

    static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }

    /**
     * A workout and what its JSON needs besides it.
     *
     * @param owner the owner's light user JSON
     * @param neighbours previous and next workouts, for the detail form only
     * @param withEquipments whether {@code equipments} is given: always in the detail form, in the
     *     list when asked with {@code return_equipments}
     */
    public record WorkoutView(
            Workout workout,
            boolean viewerIsOwner,
            boolean detail,
            Map<String, Object> owner,
            List<Map<String, Object>> records,
            List<Map<String, Object>> segments,
            WorkoutRepository.Neighbours neighbours,
            boolean showCalories,
            boolean showHeartRate,
            boolean withEquipments) {}
}
