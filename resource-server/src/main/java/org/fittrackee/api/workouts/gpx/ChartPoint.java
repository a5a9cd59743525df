package org.fittrackee.api.workouts.gpx;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.http.Dates;

/**
 * One point of a workout's chart data.
 *
 * @param distance km from the start of the chart, cumulative, rounded to 2 decimals
 * @param duration whole seconds since the first point of the chart
 * @param elevation metres rounded to 1 decimal, {@code null} when the point has none
 * @param speed km/h rounded to 2 decimals (see {@link GpxAnalyzer#chartData})
 * @param heartRate bpm, {@code null} when not recorded
 * @param cadence as recorded, {@code null} when not recorded
 * @param power W, {@code null} when not recorded
 */
public record ChartPoint(
        double distance,
        long duration,
        Double elevation,
        double latitude,
        double longitude,
        double speed,
        Instant time,
        Integer heartRate,
        Integer cadence,
        Integer power) {

    /**
     * FitTrackee's JSON for the point, keys in its (alphabetical) order: {@code cadence}, {@code
     * distance}, {@code duration}, {@code elevation}, {@code hr}, {@code latitude}, {@code
     * longitude}, {@code power}, {@code speed}, {@code time} (RFC 1123); the optional keys only
     * when the point has a value.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfPresent(json, "cadence", cadence);
        json.put("distance", distance);
        json.put("duration", duration);
        putIfPresent(json, "elevation", elevation);
        putIfPresent(json, "hr", heartRate);
        json.put("latitude", latitude);
        json.put("longitude", longitude);
        putIfPresent(json, "power", power);
        json.put("speed", speed);
        json.put("time", Dates.rfc1123(time));
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
