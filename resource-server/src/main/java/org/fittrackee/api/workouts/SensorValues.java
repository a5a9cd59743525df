package org.fittrackee.api.workouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.workouts.gpx.SensorSummary;

/**
 * A workout's or a segment's heart rate (bpm), cadence (rpm) and power (W), as whole numbers the
 * way FitTrackee stores them; each is null when the file did not record it or there is no file.
 */
public record SensorValues(
        Integer aveHr,
        Integer maxHr,
        Integer aveCadence,
        Integer maxCadence,
        Integer avePower,
        Integer maxPower) {

    /** A workout entered without a file. */
    public static final SensorValues NONE = new SensorValues(null, null, null, null, null, null);

    /** The values read from a GPX file, averages rounded to the nearest whole number. */
    static SensorValues of(SensorSummary summary) {
        return new SensorValues(
                rounded(summary.averageHeartRate()),
                summary.maxHeartRate(),
                rounded(summary.averageCadence()),
                summary.maxCadence(),
                rounded(summary.averagePower()),
                summary.maxPower());
    }

    /** The columns {@code ave_hr} to {@code max_power} of a workout or segment row. */
    static SensorValues from(ResultSet row) throws SQLException {
        return new SensorValues(
                row.getObject("ave_hr", Integer.class),
                row.getObject("max_hr", Integer.class),
                row.getObject("ave_cadence", Integer.class),
                row.getObject("max_cadence", Integer.class),
                row.getObject("ave_power", Integer.class),
                row.getObject("max_power", Integer.class));
    }

    /** Named parameters {@code :aveHr} to {@code :maxPower} for those columns. */
    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("aveHr", aveHr);
        params.put("maxHr", maxHr);
        params.put("aveCadence", aveCadence);
        params.put("maxCadence", maxCadence);
        params.put("avePower", avePower);
        params.put("maxPower", maxPower);
        return params;
    }

    private static Integer rounded(Double average) {
        return average == null ? null : (int) Math.round(average);
    }
}
