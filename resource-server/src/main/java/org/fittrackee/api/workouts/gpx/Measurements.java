package org.fittrackee.api.workouts.gpx;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.function.Function;

/**
 * The exact metrics of a segment or of a whole file, before they are rounded into {@link
 * SegmentAnalysis} and {@link GpxAnalysis}. A file's values are combined from its segments' so that
 * nothing is measured across the gap between two segments.
 */
final class Measurements {

    /** The running median of interval speeds is taken over this many intervals. */
    static final int SPEED_WINDOW = 5;

    private static final double SMOOTHING_NEIGHBOUR_WEIGHT = 0.3;
    private static final double SMOOTHING_CENTRE_WEIGHT = 0.4;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double KMH_PER_METRE_PER_SECOND = 3.6;

    private final Instant start;
    private final Instant end;
    private final Duration moving;
    private final double meters;
    private final double maxSpeed;
    private final Double minAltitude;
    private final Double maxAltitude;
    private final Double ascent;
    private final Double descent;
    private final Bounds bounds;
    private final IntSummaryStatistics heartRates;
    private final IntSummaryStatistics cadences;
    private final IntSummaryStatistics powers;

    private Measurements(
            Instant start,
            Instant end,
            Duration moving,
            double meters,
            double maxSpeed,
            Double minAltitude,
            Double maxAltitude,
            Double ascent,
            Double descent,
            Bounds bounds,
            IntSummaryStatistics heartRates,
            IntSummaryStatistics cadences,
            IntSummaryStatistics powers) {
        this.start = start;
        this.end = end;
        this.moving = moving;
        this.meters = meters;
        this.maxSpeed = maxSpeed;
        this.minAltitude = minAltitude;
        this.maxAltitude = maxAltitude;
        this.ascent = ascent;
        this.descent = descent;
        this.bounds = bounds;
        this.heartRates = heartRates;
        this.cadences = cadences;
        this.powers = powers;
    }

    /** Measures one segment, given with at least one point, in chronological order. */
    static Measurements ofSegment(List<TrackPoint> points, double stoppedSpeedThresholdKmh) {
        double meters = 0;
        Duration moving = Duration.ZERO;
        double[] speeds = new double[points.size()];
        int speedCount = 0;
        for (int i = 1; i < points.size(); i++) {
            TrackPoint previous = points.get(i - 1);
            TrackPoint point = points.get(i);
            double intervalMeters = previous.metersTo(point);
            meters += intervalMeters;

            Duration interval = previous.durationTo(point);
            if (interval.isZero() || interval.isNegative()) {
                continue;
            }
            double speed = speedKmh(intervalMeters, interval);
            speeds[speedCount++] = speed;
            if (speed >= stoppedSpeedThresholdKmh) {
                moving = moving.plus(interval);
            }
        }

        double[] elevations =
                points.stream()
                        .map(TrackPoint::elevation)
                        .filter(e -> e != null)
                        .mapToDouble(Double::doubleValue)
                        .toArray();
        Double minAltitude = null;
        Double maxAltitude = null;
        Double ascent = null;
        Double descent = null;
        if (elevations.length > 0) {
            minAltitude = Arrays.stream(elevations).min().getAsDouble();
            maxAltitude = Arrays.stream(elevations).max().getAsDouble();
            double[] climb = ascentAndDescent(elevations);
            ascent = climb[0];
            descent = climb[1];
        }

        return new Measurements(
                points.get(0).time(),
                points.get(points.size() - 1).time(),
                moving,
                meters,
                spikeFreeMaxSpeed(Arrays.copyOf(speeds, speedCount)),
                minAltitude,
                maxAltitude,
                ascent,
                descent,
                bounds(points),
                statistics(points, TrackPoint::heartRate),
                statistics(points, TrackPoint::cadence),
                statistics(points, TrackPoint::power));
    }

    /** Combines the measurements of a file's segments, given in order. */
    static Measurements ofFile(List<Measurements> segments) {
        Duration moving = Duration.ZERO;
        double meters = 0;
        double maxSpeed = 0;
        Double minAltitude = null;
        Double maxAltitude = null;
        Double ascent = null;
        Double descent = null;
        Bounds bounds = segments.get(0).bounds;
        IntSummaryStatistics heartRates = new IntSummaryStatistics();
        IntSummaryStatistics cadences = new IntSummaryStatistics();
        IntSummaryStatistics powers = new IntSummaryStatistics();
        for (Measurements segment : segments) {
            moving = moving.plus(segment.moving);
            meters += segment.meters;
            maxSpeed = Math.max(maxSpeed, segment.maxSpeed);
            if (segment.minAltitude != null) {
                minAltitude =
                        minAltitude == null
                                ? segment.minAltitude
                                : Math.min(minAltitude, segment.minAltitude);
                maxAltitude =
                        maxAltitude == null
                                ? segment.maxAltitude
                                : Math.max(maxAltitude, segment.maxAltitude);
                ascent = (ascent == null ? 0 : ascent) + segment.ascent;
                descent = (descent == null ? 0 : descent) + segment.descent;
            }
            bounds = union(bounds, segment.bounds);
            heartRates.combine(segment.heartRates);
            cadences.combine(segment.cadences);
            powers.combine(segment.powers);
        }
        return new Measurements(
                segments.get(0).start,
                segments.get(segments.size() - 1).end,
                moving,
                meters,
                maxSpeed,
                minAltitude,
                maxAltitude,
                ascent,
                descent,
                bounds,
                heartRates,
                cadences,
                powers);
    }

    SegmentAnalysis toSegmentAnalysis(int number) {
        return new SegmentAnalysis(
                number,
                start,
                duration(),
                movingTime(),
                pauses(),
                meters / 1000,
                minAltitude,
                maxAltitude,
                ascent,
                descent,
                maxSpeed,
                averageSpeed(),
                bounds,
                sensors());
    }

    GpxAnalysis toGpxAnalysis(List<SegmentAnalysis> segments) {
        return new GpxAnalysis(
                start,
                duration(),
                movingTime(),
                pauses(),
                meters / 1000,
                minAltitude,
                maxAltitude,
                ascent,
                descent,
                maxSpeed,
                averageSpeed(),
                bounds,
                sensors(),
                segments);
    }

    /** Whole seconds, truncated as FitTrackee drops microseconds. */
    private Duration duration() {
        return Duration.ofSeconds(Duration.between(start, end).getSeconds());
    }

    /** Truncated like the duration; never more than it, since moving intervals lie within it. */
    private Duration movingTime() {
        return Duration.ofSeconds(moving.getSeconds());
    }

    private Duration pauses() {
        return duration().minus(movingTime());
    }

    private double averageSpeed() {
        return moving.isZero() ? 0 : speedKmh(meters, moving);
    }

    private SensorSummary sensors() {
        boolean cadenceRecorded = cadences.getCount() > 0 && cadences.getMax() > 0;
        return new SensorSummary(
                heartRates.getCount() > 0 ? heartRates.getAverage() : null,
                heartRates.getCount() > 0 ? heartRates.getMax() : null,
                cadenceRecorded ? cadences.getAverage() : null,
                cadenceRecorded ? cadences.getMax() : null,
                powers.getCount() > 0 ? powers.getAverage() : null,
                powers.getCount() > 0 ? powers.getMax() : null);
    }

    static double speedKmh(double meters, Duration duration) {
        double seconds = duration.getSeconds() + duration.getNano() / NANOS_PER_SECOND;
        return meters / seconds * KMH_PER_METRE_PER_SECOND;
    }

    /**
     * Ascent and descent of elevations smoothed with the 0.3 / 0.4 / 0.3 moving average of gpxpy,
     * the library FitTrackee uses: each elevation but the first and the last is replaced by 0.3 ×
     * the previous + 0.4 × itself + 0.3 × the next, then rises and drops between consecutive
     * smoothed values are summed.
     */
    static double[] ascentAndDescent(double[] elevations) {
        double ascent = 0;
        double descent = 0;
        double previous = elevations[0];
        for (int i = 1; i < elevations.length; i++) {
            double current =
                    i < elevations.length - 1
                            ? SMOOTHING_NEIGHBOUR_WEIGHT * elevations[i - 1]
                                    + SMOOTHING_CENTRE_WEIGHT * elevations[i]
                                    + SMOOTHING_NEIGHBOUR_WEIGHT * elevations[i + 1]
                            : elevations[i];
            double change = current - previous;
            if (change > 0) {
                ascent += change;
            } else {
                descent -= change;
            }
            previous = current;
        }
        return new double[] {ascent, descent};
    }

    /**
     * The highest running median of {@value #SPEED_WINDOW} consecutive interval speeds; a segment
     * with fewer intervals gets the (lower) median of them all. A GPS spike, one misplaced point,
     * spoils the two intervals around it, and two values out of five never make the median: a speed
     * counts only when it is held over three intervals out of five.
     */
    static double spikeFreeMaxSpeed(double[] speeds) {
        if (speeds.length == 0) {
            return 0;
        }
        if (speeds.length < SPEED_WINDOW) {
            return lowerMedian(speeds.clone());
        }
        double max = 0;
        for (int from = 0; from + SPEED_WINDOW <= speeds.length; from++) {
            max = Math.max(max, lowerMedian(Arrays.copyOfRange(speeds, from, from + SPEED_WINDOW)));
        }
        return max;
    }

    private static double lowerMedian(double[] values) {
        Arrays.sort(values);
        return values[(values.length - 1) / 2];
    }

    private static Bounds bounds(List<TrackPoint> points) {
        double minLatitude = Double.POSITIVE_INFINITY;
        double minLongitude = Double.POSITIVE_INFINITY;
        double maxLatitude = Double.NEGATIVE_INFINITY;
        double maxLongitude = Double.NEGATIVE_INFINITY;
        for (TrackPoint point : points) {
            minLatitude = Math.min(minLatitude, point.latitude());
            minLongitude = Math.min(minLongitude, point.longitude());
            maxLatitude = Math.max(maxLatitude, point.latitude());
            maxLongitude = Math.max(maxLongitude, point.longitude());
        }
        return new Bounds(minLatitude, minLongitude, maxLatitude, maxLongitude);
    }

    private static Bounds union(Bounds a, Bounds b) {
        return new Bounds(
                Math.min(a.minLatitude(), b.minLatitude()),
                Math.min(a.minLongitude(), b.minLongitude()),
                Math.max(a.maxLatitude(), b.maxLatitude()),
                Math.max(a.maxLongitude(), b.maxLongitude()));
    }

    private static IntSummaryStatistics statistics(
            List<TrackPoint> points, Function<TrackPoint, Integer> value) {
        IntSummaryStatistics statistics = new IntSummaryStatistics();
        for (TrackPoint point : points) {
            Integer v = value.apply(point);
            if (v != null) {
                statistics.accept(v);
            }
        }
        return statistics;
    }
}
