package org.fittrackee.api.workouts;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a workout write sets: the measures of a workout, from a form or a GPX file.
 *
 * @param bounds {@code [min lat, min lon, max lat, max lon]}, or null without a file
 */
public record WorkoutValues(
        int sportId,
        String title,
        String notes,
        String description,
        OffsetDateTime workoutDate,
        double duration,
        double moving,
        double pauses,
        double distance,
        Double minAlt,
        Double maxAlt,
        Double ascent,
        Double descent,
        double maxSpeed,
        double aveSpeed,
        List<Double> bounds,
        Integer calories,
        SensorValues sensors,
        String workoutVisibility,
        String mapVisibility,
        String analysisVisibility) {}
