package org.fittrackee.api.workouts.gpx;

import java.time.Duration;
import java.time.Instant;

/**
 * The metrics of one track segment, computed as in {@link GpxAnalysis} but on this segment alone:
 * its duration runs from its first to its last point and its pauses are its stopped time.
 *
 * @param number 1-based, over the segments with points of all tracks, in file order
 */
public record SegmentAnalysis(
        int number,
        Instant startTime,
        Duration duration,
        Duration moving,
        Duration pauses,
        double distance,
        Double minAltitude,
        Double maxAltitude,
        Double ascent,
        Double descent,
        double maxSpeed,
        double averageSpeed,
        Bounds bounds,
        SensorSummary sensors) {}
