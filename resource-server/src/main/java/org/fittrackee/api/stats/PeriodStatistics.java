package org.fittrackee.api.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * One sport's workouts in one period of {@code by_time}, aggregated by the request's {@link
 * StatsType}: distance in km, duration (moving time) in seconds, ascent and descent in m.
 *
 * @param speed the average of the workouts' average speeds, km/h
 * @param pace the average of the workouts' average paces, seconds per km
 * @param calories the total calories, null when no workout has any
 */
record PeriodStatistics(
        String period,
        int sportId,
        SportDisplay display,
        long workouts,
        double distance,
        double duration,
        Double ascent,
        Double descent,
        Double speed,
        Double pace,
        Long calories) {

    /** FitTrackee's JSON of the bucket, keys sorted as FitTrackee sends them. */
    Map<String, Object> toJson(StatsType type) {
        String prefix = type.prefix();
        Map<String, Object> json = new TreeMap<>();
        json.put("total_workouts", workouts);
        json.put(prefix + "_distance", StatsFormat.twoDecimals(distance));
        json.put(prefix + "_duration", StatsFormat.wholeSeconds(duration));
        json.put(prefix + "_ascent", display.elevation() ? StatsFormat.twoDecimals(ascent) : null);
        json.put(
                prefix + "_descent", display.elevation() ? StatsFormat.twoDecimals(descent) : null);

        if (type == StatsType.TOTAL) {
            json.put("total_calories", calories);
            return json;
        }
        // FitTrackee leaves these keys out, rather than nulling them, when hidden or zero.
        if (display.speed() && isSet(speed)) {
            json.put("average_speed", StatsFormat.twoDecimals(speed));
        }
        if (display.pace() && isSet(pace)) {
            json.put("average_pace", StatsFormat.wholeSeconds(pace));
        }
        return json;
    }

    private static boolean isSet(Double value) {
        return value != null && value != 0;
    }
}
