package org.fittrackee.api.workouts;

/** One segment of a workout made from a file; times in seconds, distance in km. */
public record WorkoutSegment(
        long workoutId,
        int number,
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
        SensorValues sensors) {}
