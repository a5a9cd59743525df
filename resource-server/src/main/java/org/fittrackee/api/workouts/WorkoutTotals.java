package org.fittrackee.api.workouts;

/** Sums over a set of workouts, for the statistics of the workouts list. */
public record WorkoutTotals(
        long count,
        double distance,
        double duration,
        double moving,
        double ascent,
        double descent,
        long sports,
        double maxSpeed) {}
