package org.fittrackee.api.workouts;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The filters, order and page of {@code GET /api/workouts}, already checked. Null means "no
 * filter"; pace bounds are in seconds per km, speeds in km/h, durations in seconds.
 *
 * @param location workouts passing near a point, resolved into {@code workoutIds} by {@link
 *     WorkoutLocations} before the query
 * @param workoutIds the only workouts that may match, or null for any
 */
public record WorkoutFilter(
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
        String workoutVisibility,
        String orderBy,
        boolean ascending,
        int page,
        int perPage,
        Location location,
        List<Long> workoutIds) {

    public WorkoutFilter withWorkoutIds(List<Long> ids) {
        return new WorkoutFilter(
                sportId,
                title,
                notes,
                description,
                from,
                to,
                distanceFrom,
                distanceTo,
                durationFrom,
                durationTo,
                aveSpeedFrom,
                aveSpeedTo,
                maxSpeedFrom,
                maxSpeedTo,
                workoutVisibility,
                orderBy,
                ascending,
                page,
                perPage,
                location,
                ids);
    }
}
