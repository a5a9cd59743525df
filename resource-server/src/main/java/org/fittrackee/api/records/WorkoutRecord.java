package org.fittrackee.api.records;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A record: the best value of one type for one user and sport, and the workout holding it. */
public record WorkoutRecord(
        long id,
        long workoutId,
        String recordType,
        int sportId,
        double value,
        OffsetDateTime workoutDate,
        UUID workoutUuid) {}
