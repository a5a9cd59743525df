package org.fittrackee.api.workouts;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.fittrackee.api.http.FittrackeeException;

/**
 * Applies a {@code PATCH /api/workouts/<id>} body to a workout. The measures of a workout made from
 * a file come from the file and cannot be edited; those of a workout without file can.
 */
final class WorkoutEdit {

    private static final Set<String> EDITABLE =
            Set.of(
                    "sport_id",
                    "title",
                    "notes",
                    "description",
                    "workout_visibility",
                    "map_visibility",
                    "analysis_visibility",
                    "calories",
                    "workout_date",
                    "duration",
                    "distance",
                    "ascent",
                    "descent");

    private static final Set<String> MEASURES =
            Set.of("workout_date", "duration", "distance", "ascent", "descent");

    private WorkoutEdit() {}

    /** Checks that a sport id names a sport, returning it. */
    interface SportCheck {
        int knownSportId(int sportId, long userId);
    }

    static WorkoutValues apply(
            Workout workout, Map<String, Object> body, SportCheck sports, ZoneId zone) {
        if (body.keySet().stream().noneMatch(EDITABLE::contains)) {
            throw FittrackeeException.invalidPayload();
        }
        if (workout.withFile() && body.keySet().stream().anyMatch(MEASURES::contains)) {
            throw FittrackeeException.badRequest(
                    "date, duration, distance, ascent and descent of a workout with a file come"
                            + " from the file");
        }

        int sportId =
                body.containsKey("sport_id")
                        ? sports.knownSportId(WorkoutPayloads.sportIdOf(body), workout.userId())
                        : workout.sportId();
        OffsetDateTime date =
                body.containsKey("workout_date")
                        ? WorkoutPayloads.workoutDateOf(body, zone)
                        : workout.workoutDate();
        double duration =
                body.containsKey("duration")
                        ? WorkoutPayloads.durationOf(body)
                        : workout.duration();
        double distance =
                body.containsKey("distance")
                        ? WorkoutPayloads.distanceOf(body)
                        : workout.distance();
        Double[] elevation =
                body.containsKey("ascent") || body.containsKey("descent")
                        ? WorkoutPayloads.elevationOf(body)
                        : new Double[] {workout.ascent(), workout.descent()};

        boolean measuresChanged = body.keySet().stream().anyMatch(MEASURES::contains);
        double speed = WorkoutsController.speedOf(distance, duration);
        return new WorkoutValues(
                sportId,
                body.containsKey("title")
                        ? WorkoutPayloads.textOf(body, "title", WorkoutPayloads.TITLE_LIMIT)
                        : workout.title(),
                body.containsKey("notes")
                        ? WorkoutPayloads.textOf(body, "notes", WorkoutPayloads.NOTES_LIMIT)
                        : workout.notes(),
                body.containsKey("description")
                        ? WorkoutPayloads.textOf(
                                body, "description", WorkoutPayloads.DESCRIPTION_LIMIT)
                        : workout.description(),
                date,
                duration,
                measuresChanged ? duration : valueOr(workout.moving(), duration),
                measuresChanged ? 0 : valueOr(workout.pauses(), 0),
                distance,
                workout.minAlt(),
                workout.maxAlt(),
                elevation[0],
                elevation[1],
                measuresChanged ? speed : valueOr(workout.maxSpeed(), speed),
                measuresChanged ? speed : valueOr(workout.aveSpeed(), speed),
                workout.bounds().isEmpty() ? null : workout.bounds(),
                WorkoutPayloads.caloriesOf(body, workout.calories()),
                workout.sensors(),
                WorkoutPayloads.visibilityOf(
                        body, "workout_visibility", workout.workoutVisibility()),
                WorkoutPayloads.visibilityOf(body, "map_visibility", workout.mapVisibility()),
                WorkoutPayloads.visibilityOf(
                        body, "analysis_visibility", workout.analysisVisibility()));
    }

    private static double valueOr(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
