package org.fittrackee.api.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * One sport's workouts in {@code by_sport}: totals and per-workout averages. Distances in km,
 * durations (moving time) and pace in seconds, ascent and descent in m, speed in km/h.
 */
record SportStatistics(
        int sportId,
        SportDisplay display,
        long workouts,
        double totalDistance,
        double totalDuration,
        Double totalAscent,
        Double totalDescent,
        Long totalCalories,
        double averageDistance,
        double averageDuration,
        Double averageAscent,
        Double averageDescent,
        Double averageSpeed,
        Double averagePace) {

    /** FitTrackee's JSON of the sport: durations and pace as "H:MM:SS", keys sorted. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new TreeMap<>();
        json.put("total_workouts", workouts);
        json.put("total_distance", StatsFormat.twoDecimals(totalDistance));
        json.put("total_duration", StatsFormat.clock(totalDuration));
        json.put("total_ascent", elevation(totalAscent));
        json.put("total_descent", elevation(totalDescent));
        json.put("total_calories", totalCalories);
        json.put("average_distance", StatsFormat.twoDecimals(averageDistance));
        json.put("average_duration", StatsFormat.clock(averageDuration));
        json.put("average_ascent", elevation(averageAscent));
        json.put("average_descent", elevation(averageDescent));
        json.put("average_speed", display.speed() ? StatsFormat.twoDecimals(averageSpeed) : null);
        json.put("average_pace", display.pace() ? StatsFormat.clock(averagePace) : null);
        return json;
    }

    private Double elevation(Double value) {
        return display.elevation() ? StatsFormat.twoDecimals(value) : null;
    }
}
