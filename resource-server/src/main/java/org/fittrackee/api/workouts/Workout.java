package org.fittrackee.api.workouts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A stored workout; times in seconds, distance in km, speeds in km/h, altitudes in m. */
public record Workout(
        long id,
        UUID uuid,
        long userId,
        int sportId,
        String title,
        String notes,
        String description,
        OffsetDateTime workoutDate,
        OffsetDateTime creationDate,
        OffsetDateTime modificationDate,
        double duration,
        Double moving,
        Double pauses,
        double distance,
        Double minAlt,
        Double maxAlt,
        Double ascent,
        Double descent,
        Double maxSpeed,
        Double aveSpeed,
        List<Double> bounds,
        Integer calories,
        SensorValues sensors,
        String workoutVisibility,
        String mapVisibility,
        String analysisVisibility,
        boolean withFile) {

    public String shortId() {
        return ShortId.encode(uuid);
    }

    public boolean isOwnedBy(long userId) {
        return this.userId == userId;
    }
}
