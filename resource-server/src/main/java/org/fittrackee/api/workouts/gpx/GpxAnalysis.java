package org.fittrackee.api.workouts.gpx;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a GPX file tells about a workout, in FitTrackee's units. {@link GpxAnalyzer#analyze}
 * documents how each value is computed.
 *
 * @param startTime the time of the first track point
 * @param duration from the first to the last track point of the file, whole seconds
 * @param moving the time spent at or above the sport's stopped-speed threshold, whole seconds
 * @param pauses {@code duration - moving}: stopped time within segments plus the time between
 *     segments
 * @param distance kilometres
 * @param minAltitude metres, {@code null} when no point has an elevation
 * @param maxAltitude metres, {@code null} when no point has an elevation
 * @param ascent metres, {@code null} when no point has an elevation
 * @param descent metres, {@code null} when no point has an elevation
 * @param maxSpeed km/h, with GPS spikes filtered out
 * @param averageSpeed km/h, {@code distance / moving}; 0 when the moving time is 0
 * @param bounds the box around all points
 * @param sensors heart rate, cadence and power from the points' extensions
 * @param segments the same metrics for each segment, in order
 */
public record GpxAnalysis(
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
        SensorSummary sensors,
        List<SegmentAnalysis> segments) {

    public GpxAnalysis {
        segments = List.copyOf(segments);
    }
}
