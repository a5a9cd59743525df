package org.fittrackee.api.workouts;

import java.time.OffsetDateTime;

/**
 * The conditions of {@code GET /api/workouts} on a workout's own values, already checked. Null
 * means "no condition"; speeds are in km/h (pace bounds already turned into speeds), durations in
 * seconds of moving time.
 */
public record WorkoutConditions(
        Integer sportId,
        String title,
        String notes,
        String description,
        OffsetDateTime from,
        OffsetDateTime to,
        Double distanceFrom,
        Double distanceTo,
        Long durationFrom,
        Long durationTo,
        Double aveSpeedFrom,
        Double aveSpeedTo,
        Double maxSpeedFrom,
        Double maxSpeedTo,
        String workoutVisibility) {}
