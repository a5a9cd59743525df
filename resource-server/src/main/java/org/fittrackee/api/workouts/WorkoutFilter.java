package org.fittrackee.api.workouts;

/**
 * The filters, order and page of {@code GET /api/workouts}, already checked.
 *
 * @param conditions on the workouts' own values
 * @param restriction the workouts that may match at all
 */
public record WorkoutFilter(
        WorkoutConditions conditions,
        WorkoutRestriction restriction,
        String orderBy,
        boolean ascending,
        int page,
        int perPage) {

    public WorkoutFilter restrictedTo(WorkoutRestriction other) {
        return new WorkoutFilter(conditions, other, orderBy, ascending, page, perPage);
    }
}
