package org.fittrackee.api.records;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.http.Dates;
import org.fittrackee.api.workouts.Durations;
import org.fittrackee.api.workouts.ShortId;

/** FitTrackee's JSON for a record: durations and paces as times, the rest as numbers. */
public final class RecordJson {

    private RecordJson() {}

    public static Map<String, Object> of(WorkoutRecord record, String username) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id());
        json.put("record_type", record.recordType());
        json.put("sport_id", record.sportId());
        json.put("user", username);
        json.put("value", valueOf(record));
        json.put("workout_date", Dates.rfc1123(record.workoutDate()));
        json.put("workout_id", ShortId.encode(record.workoutUuid()));
        return json;
    }

    private static Object valueOf(WorkoutRecord record) {
        return switch (record.recordType()) {
            case "LD", "AP", "BP" -> Durations.format(record.value());
            default -> Math.round(record.value() * 100) / 100.0;
        };
    }
}
