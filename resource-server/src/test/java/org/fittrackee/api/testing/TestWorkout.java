package org.fittrackee.api.testing;

import java.time.OffsetDateTime;
import java.util.List;
import org.fittrackee.api.workouts.SensorValues;
import org.fittrackee.api.workouts.WorkoutValues;

/**
 * A private workout without file, for repository tests: what the tests vary (sport, distance in km,
 * duration in seconds, date) and the values a write stores, its speed worked out from them.
 *
 * @param maxSpeedAboveAverage how many km/h the top speed is above the average speed
 */
public record TestWorkout(
        int sportId,
        double distance,
        double seconds,
        String date,
        String title,
        List<Double> bounds,
        double maxSpeedAboveAverage) {

    /** An untitled workout without bounds, at a steady speed: its top speed is its average. */
    public static TestWorkout of(int sportId, double distance, double seconds, String date) {
        return new TestWorkout(sportId, distance, seconds, date, null, null, 0);
    }

    public TestWorkout titled(String newTitle) {
        return new TestWorkout(
                sportId, distance, seconds, date, newTitle, bounds, maxSpeedAboveAverage);
    }

    public TestWorkout withBounds(List<Double> newBounds) {
        return new TestWorkout(
                sportId, distance, seconds, date, title, newBounds, maxSpeedAboveAverage);
    }

    public TestWorkout withMaxSpeedAboveAverage(double kilometresPerHour) {
        return new TestWorkout(sportId, distance, seconds, date, title, bounds, kilometresPerHour);
    }

    public WorkoutValues values() {
        double speed = distance / (seconds / 3600);
        return new WorkoutValues(
                sportId,
                title,
                null,
                null,
                OffsetDateTime.parse(date),
                seconds,
                seconds,
                0,
                distance,
                null,
                null,
                null,
                null,
                speed + maxSpeedAboveAverage,
                speed,
                bounds,
                null,
                SensorValues.NONE,
                "private",
                "private",
                "private");
    }
}
