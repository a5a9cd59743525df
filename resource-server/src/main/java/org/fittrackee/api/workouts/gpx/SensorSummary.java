package org.fittrackee.api.workouts.gpx;

/**
 * Averages and maxima of the heart rate (bpm), cadence (as recorded, rpm or steps per minute of one
 * foot) and power (W) found in the points' extensions; each is {@code null} when no point has it.
 * As in FitTrackee, a cadence that is zero throughout counts as no cadence.
 */
public record SensorSummary(
        Double averageHeartRate,
        Integer maxHeartRate,
        Double averageCadence,
        Integer maxCadence,
        Double averagePower,
        Integer maxPower) {}
