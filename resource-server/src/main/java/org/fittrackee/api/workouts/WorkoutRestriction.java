package org.fittrackee.api.workouts;

import java.util.List;

/**
 * Which workouts {@code GET /api/workouts} may show at all, besides its conditions.
 *
 * @param location workouts passing near a point, or null; {@link WorkoutLocations} resolves it into
 *     {@code workoutIds} before the query
 * @param workoutIds the only workouts that may match, or null for any; empty matches none
 */
public record WorkoutRestriction(Location location, List<Long> workoutIds) {

    /** Whether no workout can match, whatever the conditions. */
    boolean matchesNothing() {
        return workoutIds != null && workoutIds.isEmpty();
    }

    WorkoutRestriction toWorkouts(List<Long> ids) {
        return new WorkoutRestriction(location, ids);
    }
}
