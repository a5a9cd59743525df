package org.fittrackee.api.workouts.gpx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a workout's GPX file: its metrics, its chart data and its GeoJSON geometry.
 *
 * <p>A file is a list of segments, those of all its tracks in file order; segments are numbered
 * from 1 and a segment without points is skipped. Every point must have a {@code <time>}, times
 * must not go backwards, and a file has at most {@link #MAX_TRACK_POINTS} points; anything else is
 * an {@link InvalidGpxException} whose message can be shown to the user (see {@link GpxReader} for
 * how hostile XML is refused).
 *
 * <p>How the metrics are computed, for a segment and, combined, for the file:
 *
 * <ul>
 *   <li><b>Distance</b>: the geodesic distance on the WGS84 ellipsoid between consecutive points of
 *       a segment, never across two segments; elevation is ignored.
 *   <li><b>Moving time</b>: the sum of the intervals between consecutive points whose speed is at
 *       or above the sport's stopped-speed threshold. Intervals of zero length in time have no
 *       speed and count for nothing.
 *   <li><b>Duration</b>: first to last point (of the segment, or of the whole file). <b>Pauses</b>
 *       = duration − moving time, which is the stopped time within segments plus the time between
 *       segments. All three are whole seconds, truncated.
 *   <li><b>Altitudes</b>: the raw lowest and highest elevations. <b>Ascent and descent</b>: the
 *       elevations smoothed with gpxpy's 0.3 / 0.4 / 0.3 moving average, as in FitTrackee, then
 *       summed rises and drops; the file's values are its segments' sums. All {@code null} when no
 *       point has an elevation; points without one are skipped.
 *   <li><b>Max speed</b>: speeds of the intervals, then a running median over five intervals, whose
 *       highest value is kept. One misplaced point (a GPS spike) spoils two intervals and never
 *       sets the maximum; a real top speed must last three intervals out of five. A segment with
 *       fewer than five intervals takes the median of them all. The file's max speed is its
 *       segments' highest.
 *   <li><b>Average speed</b>: distance / exact moving time, 0 when nothing moved.
 * </ul>
 *
 * <p>NOTE: FitTrackee (through gpxpy) measures distance in 3D when points have elevations, counts
 * an interval as moving only strictly above the threshold, and takes max speed from the 95th
 * percentile of intervals of ordinary length; the same file can give slightly different values here
 * (on a steep descent, about 1% less distance). These choices follow our specification and are each
 * simpler to explain to a user; a FitTrackee-compatible mode would lift the difference if users
 * come to compare numbers across instances.
 */
public final class GpxAnalyzer {

    /** More points than this (about 11 days at one point a second) and a file is refused. */
    public static final int MAX_TRACK_POINTS = 1_000_000;

    private GpxAnalyzer() {}

    /**
     * The workout's metrics.
     *
     * @param stoppedSpeedThresholdKmh the sport's (or the user's) stopped-speed threshold, km/h,
     *     e.g. 1.0 for cycling, 0.1 for walking
     * @throws InvalidGpxException if the file cannot give a workout
     * @throws IllegalArgumentException if the threshold is negative or not a number
     */
    public static GpxAnalysis analyze(byte[] gpx, double stoppedSpeedThresholdKmh) {
        if (!(stoppedSpeedThresholdKmh >= 0) || Double.isInfinite(stoppedSpeedThresholdKmh)) {
            throw new IllegalArgumentException(
                    "the stopped-speed threshold must be a number >= 0, got "
                            + stoppedSpeedThresholdKmh);
        }
        return analyze(GpxReader.read(gpx, MAX_TRACK_POINTS), stoppedSpeedThresholdKmh);
    }

    static GpxAnalysis analyze(List<List<TrackPoint>> segments, double stoppedSpeedThresholdKmh) {
        List<Measurements> measured = new ArrayList<>(segments.size());
        List<SegmentAnalysis> analyses = new ArrayList<>(segments.size());
        for (List<TrackPoint> segment : segments) {
            Measurements measurements = Measurements.ofSegment(segment, stoppedSpeedThresholdKmh);
            measured.add(measurements);
            analyses.add(measurements.toSegmentAnalysis(analyses.size() + 1));
        }
        return Measurements.ofFile(measured).toGpxAnalysis(analyses);
    }

    /**
     * FitTrackee's chart data: one {@link ChartPoint} per track point, of the whole file or of one
     * segment.
     *
     * <p>Distance is cumulative from the first point of the chart and, as for the workout's
     * distance, never counts the gap between two segments, so the last point's distance is the
     * workout's (or the segment's). Duration is counted from the first point of the chart, gaps
     * between segments included. A point's speed is the mean of the speeds of the intervals just
     * before and just after it in its segment (one of them at a segment's ends, 0 for a lone
     * point); intervals of zero length in time are left out. Unlike FitTrackee, which drops an
     * elevation of exactly 0, an elevation is given whenever the point has one.
     *
     * @param segmentNumber {@code null} for the whole file, otherwise 1-based
     * @return the points, or an empty list if there is no such segment
     * @throws InvalidGpxException if the file cannot give a workout
     */
    public static List<ChartPoint> chartData(byte[] gpx, Integer segmentNumber) {
        List<List<TrackPoint>> segments = GpxReader.read(gpx, MAX_TRACK_POINTS);
        Optional<List<List<TrackPoint>>> selected = select(segments, segmentNumber);
        return selected.map(GpxAnalyzer::chartData).orElse(List.of());
    }

    static List<ChartPoint> chartData(List<List<TrackPoint>> segments) {
        List<ChartPoint> chart = new ArrayList<>();
        TrackPoint first = segments.get(0).get(0);
        double meters = 0;
        for (List<TrackPoint> segment : segments) {
            double[] intervalSpeeds = intervalSpeeds(segment);
            for (int i = 0; i < segment.size(); i++) {
                TrackPoint point = segment.get(i);
                if (i > 0) {
                    meters += segment.get(i - 1).metersTo(point);
                }
                chart.add(
                        new ChartPoint(
                                round(meters / 1000, 2),
                                Duration.between(first.time(), point.time()).getSeconds(),
                                point.elevation() == null ? null : round(point.elevation(), 1),
                                point.latitude(),
                                point.longitude(),
                                round(pointSpeed(intervalSpeeds, i), 2),
                                point.time(),
                                point.heartRate(),
                                point.cadence(),
                                point.power()));
            }
        }
        return chart;
    }

    /**
     * The track as a GeoJSON {@code MultiLineString} geometry, {@code {"type": "MultiLineString",
     * "coordinates": [[[lon, lat], ...], ...]}}, one line per segment. GeoJSON lines need two
     * positions, so a segment of a single point is left out (its geometry, asked alone, has no
     * line).
     *
     * @param segmentNumber {@code null} for the whole file, otherwise 1-based
     * @return the geometry, or empty if there is no such segment
     * @throws InvalidGpxException if the file cannot give a workout
     */
    public static Optional<Map<String, Object>> geojson(byte[] gpx, Integer segmentNumber) {
        List<List<TrackPoint>> segments = GpxReader.read(gpx, MAX_TRACK_POINTS);
        return select(segments, segmentNumber).map(GpxAnalyzer::multiLineString);
    }

    /**
     * Whether the track passes within the radius of a point: a point of it, or the line between two
     * consecutive points of a segment, comes that close, as FitTrackee's location filter intersects
     * the segments' lines with a circle drawn in metres. Distances are measured on the {@link
     * TangentPlane} at the point. The file is one stored before: it is read in a single streaming
     * pass that stops at the first line close enough ({@link GpxReader#anyTrackLine}).
     *
     * @throws InvalidGpxException if the file is not well-formed GPX
     */
    public static boolean passesWithin(
            byte[] gpx, double latitude, double longitude, double radiusKm) {
        TangentPlane plane = new TangentPlane(latitude, longitude);
        double radiusM = radiusKm * 1000;
        return GpxReader.anyTrackLine(
                gpx,
                (fromLatitude, fromLongitude, toLatitude, toLongitude) ->
                        plane.distanceToLine(fromLatitude, fromLongitude, toLatitude, toLongitude)
                                <= radiusM);
    }

    private static Map<String, Object> multiLineString(List<List<TrackPoint>> segments) {
        List<List<List<Double>>> lines = new ArrayList<>();
        for (List<TrackPoint> segment : segments) {
            if (segment.size() < 2) {
                continue;
            }
            List<List<Double>> line = new ArrayList<>(segment.size());
            for (TrackPoint point : segment) {
                line.add(List.of(point.longitude(), point.latitude()));
            }
            lines.add(line);
        }
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", "MultiLineString");
        geometry.put("coordinates", lines);
        return geometry;
    }

    private static Optional<List<List<TrackPoint>>> select(
            List<List<TrackPoint>> segments, Integer segmentNumber) {
        if (segmentNumber == null) {
            return Optional.of(segments);
        }
        if (segmentNumber < 1 || segmentNumber > segments.size()) {
            return Optional.empty();
        }
        return Optional.of(List.of(segments.get(segmentNumber - 1)));
    }

    /** Speed of each interval, km/h; {@code NaN} for an interval of zero length in time. */
    private static double[] intervalSpeeds(List<TrackPoint> segment) {
        double[] speeds = new double[Math.max(0, segment.size() - 1)];
        for (int i = 1; i < segment.size(); i++) {
            TrackPoint previous = segment.get(i - 1);
            TrackPoint point = segment.get(i);
            Duration interval = previous.durationTo(point);
            speeds[i - 1] =
                    !interval.isZero() && !interval.isNegative()
                            ? Measurements.speedKmh(previous.metersTo(point), interval)
                            : Double.NaN;
        }
        return speeds;
    }

    private static double pointSpeed(double[] intervalSpeeds, int pointIndex) {
        double before = pointIndex > 0 ? intervalSpeeds[pointIndex - 1] : Double.NaN;
        double after = pointIndex < intervalSpeeds.length ? intervalSpeeds[pointIndex] : Double.NaN;
        if (Double.isNaN(before)) {
            return Double.isNaN(after) ? 0 : after;
        }
        return Double.isNaN(after) ? before : (before + after) / 2;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
