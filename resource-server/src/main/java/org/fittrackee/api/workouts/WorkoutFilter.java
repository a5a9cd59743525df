package org.fittrackee.api.workouts;

import java.time.OffsetDateTime;

/**
 * The filters, order and page of {@code GET /api/workouts}, already checked. Null means "no
 * filter"; pace bounds are in seconds per km, speeds in km/h, durations in seconds.
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
        int perPage) {}
