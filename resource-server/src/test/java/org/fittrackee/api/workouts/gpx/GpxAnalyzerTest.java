package org.fittrackee.api.workouts.gpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.fittrackee.api.workouts.gpx.GpxTracks.LAT0;
import static org.fittrackee.api.workouts.gpx.GpxTracks.LON0;
import static org.fittrackee.api.workouts.gpx.GpxTracks.STEP;
import static org.fittrackee.api.workouts.gpx.GpxTracks.T0;
import static org.fittrackee.api.workouts.gpx.GpxTracks.meridian;
import static org.fittrackee.api.workouts.gpx.GpxTracks.repeat;
import static org.fittrackee.api.workouts.gpx.ReferenceGeodesy.equatorMeters;
import static org.fittrackee.api.workouts.gpx.ReferenceGeodesy.meridianArcMeters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Each metric against values worked out here: distances from {@link ReferenceGeodesy}, times by
 * arithmetic on the timestamps the tracks were built from, climbs by hand.
 */
class GpxAnalyzerTest {

    private static final double CYCLING = 1.0;
    private static final double WALKING = 0.1;

    /**
     * Distances in km. Vincenty's formula is accurate to 0.5 mm on the ellipsoid and the reference
     * meridian arc to far better, so 1 mm over a whole track is ample and still catches any
     * spherical approximation (hundreds of metres off over these tracks).
     */
    private static final Offset<Double> KM = within(1e-6);

    /** Speeds in km/h: the speed error of a 1 mm distance error over 10 s is 0.00036 km/h. */
    private static final Offset<Double> KMH = within(1e-3);

    private static final Offset<Double> METRES = within(1e-9);

    /** The speed of one {@link GpxTracks#STEP} in 10 s at 45°N: about 40.0 km/h. */
    private static final double STEP_SPEED = meridianArcMeters(LAT0, LAT0 + STEP) / 10 * 3.6;

    @Test
    void distanceIsTheGeodesicLengthAlongTheMeridian() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), CYCLING);

        assertThat(analysis.distance())
                .isCloseTo(meridianArcMeters(LAT0, LAT0 + 20 * STEP) / 1000, KM);
    }

    @Test
    void distanceIsTheGeodesicLengthAlongTheEquator() {
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        for (int k = 0; k <= 10; k++) {
            gpx.point(0, k * STEP, T0.plusSeconds(10L * k), null);
        }

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.distance()).isCloseTo(equatorMeters(10 * STEP) / 1000, KM);
        assertThat(analysis.bounds().toList()).containsExactly(0.0, 0.0, 0.0, 10 * STEP);
    }

    @Test
    void startTimeIsTheFirstPointsTime() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), CYCLING);

        assertThat(analysis.startTime()).isEqualTo(T0);
    }

    @Test
    void aStopAtTheSamePlaceIsAPauseAndTheRestIsMovingTime() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), CYCLING);

        // 10 steps of 10 s, 60 s stopped, 10 steps of 10 s.
        assertThat(analysis.duration()).isEqualTo(Duration.ofSeconds(260));
        assertThat(analysis.moving()).isEqualTo(Duration.ofSeconds(200));
        assertThat(analysis.pauses()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void averageSpeedIsDistanceOverMovingTime() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), CYCLING);

        double expected = meridianArcMeters(LAT0, LAT0 + 20 * STEP) / 200 * 3.6;
        assertThat(analysis.averageSpeed()).isCloseTo(expected, KMH);
    }

    @Test
    void anIntervalExactlyAtTheThresholdIsMoving() {
        // The stop has speed 0, which is at (not above) a threshold of 0.
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), 0);

        assertThat(analysis.moving()).isEqualTo(Duration.ofSeconds(260));
        assertThat(analysis.pauses()).isZero();
    }

    @Test
    void aWalkersPaceIsMovingForWalkingButStoppedForCycling() {
        // 0.00001° every 10 s: about 1.1 m, 0.4 km/h.
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        for (int k = 0; k <= 6; k++) {
            gpx.point(LAT0 + k * 0.00001, LON0, T0.plusSeconds(10L * k), null);
        }

        GpxAnalysis walking = GpxAnalyzer.analyze(gpx.bytes(), WALKING);
        GpxAnalysis cycling = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(walking.moving()).isEqualTo(Duration.ofSeconds(60));
        assertThat(walking.pauses()).isZero();
        assertThat(cycling.moving()).isZero();
        assertThat(cycling.pauses()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cycling.averageSpeed()).isZero();
        assertThat(cycling.distance())
                .isCloseTo(meridianArcMeters(LAT0, LAT0 + 6 * 0.00001) / 1000, KM);
    }

    @Test
    void durationsAreWholeSecondsTruncatedAndAverageSpeedUsesTheExactTime() {
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, null)
                        .point(LAT0 + STEP, LON0, T0.plusMillis(10_600), null)
                        .point(LAT0 + 2 * STEP, LON0, T0.plusMillis(20_900), null);

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(analysis.moving()).isEqualTo(Duration.ofSeconds(20));
        assertThat(analysis.pauses()).isZero();
        assertThat(analysis.averageSpeed())
                .isCloseTo(meridianArcMeters(LAT0, LAT0 + 2 * STEP) / 20.9 * 3.6, KMH);
    }

    @Test
    void timesWithAnOffsetAreReadAsInstants() {
        String gpx =
                """
                <gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
                <trk><trkseg>
                <trkpt lat="45.0" lon="5.0"><time>2024-06-01T10:00:00+02:00</time></trkpt>
                <trkpt lat="45.001" lon="5.0"><time>2024-06-01T10:00:10+02:00</time></trkpt>
                </trkseg></trk></gpx>
                """;

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.getBytes(StandardCharsets.UTF_8), CYCLING);

        assertThat(analysis.startTime()).isEqualTo(T0);
        assertThat(analysis.duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void twoSegmentsAddTheirDistancesButNotTheGapBetweenThem() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.twoSegments().bytes(), CYCLING);

        double first = meridianArcMeters(LAT0, LAT0 + 5 * STEP);
        double second = meridianArcMeters(LAT0 + 10 * STEP, LAT0 + 15 * STEP);
        assertThat(analysis.distance()).isCloseTo((first + second) / 1000, KM);
        assertThat(analysis.segments())
                .extracting(SegmentAnalysis::distance)
                .satisfiesExactly(
                        d -> assertThat(d).isCloseTo(first / 1000, KM),
                        d -> assertThat(d).isCloseTo(second / 1000, KM));
    }

    @Test
    void theTimeBetweenSegmentsIsAPause() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.twoSegments().bytes(), CYCLING);

        // 50 s moving, 120 s between the segments, 50 s moving.
        assertThat(analysis.duration()).isEqualTo(Duration.ofSeconds(220));
        assertThat(analysis.moving()).isEqualTo(Duration.ofSeconds(100));
        assertThat(analysis.pauses()).isEqualTo(Duration.ofSeconds(120));
        double expectedAverage =
                (meridianArcMeters(LAT0, LAT0 + 5 * STEP)
                                + meridianArcMeters(LAT0 + 10 * STEP, LAT0 + 15 * STEP))
                        / 100
                        * 3.6;
        assertThat(analysis.averageSpeed()).isCloseTo(expectedAverage, KMH);
    }

    @Test
    void eachSegmentHasItsOwnTimesAndBounds() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.twoSegments().bytes(), CYCLING);

        assertThat(analysis.segments()).hasSize(2);
        SegmentAnalysis first = analysis.segments().get(0);
        SegmentAnalysis second = analysis.segments().get(1);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.startTime()).isEqualTo(T0);
        assertThat(first.duration()).isEqualTo(Duration.ofSeconds(50));
        assertThat(first.moving()).isEqualTo(Duration.ofSeconds(50));
        assertThat(first.pauses()).isZero();
        assertThat(first.bounds().toList()).containsExactly(LAT0, LON0, 45.005, LON0);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.startTime()).isEqualTo(T0.plusSeconds(170));
        assertThat(second.duration()).isEqualTo(Duration.ofSeconds(50));
        assertThat(second.pauses()).isZero();
        assertThat(second.bounds().toList()).containsExactly(45.01, LON0, 45.015, LON0);
        assertThat(analysis.bounds().toList()).containsExactly(LAT0, LON0, 45.015, LON0);
    }

    @Test
    void segmentsOfAllTracksAreNumberedInFileOrderSkippingEmptyOnes() {
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .track()
                        .segment()
                        .point(LAT0, LON0, T0, null)
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), null)
                        .segment()
                        .track()
                        .segment()
                        .point(LAT0 + 2 * STEP, LON0, T0.plusSeconds(30), null)
                        .point(LAT0 + 3 * STEP, LON0, T0.plusSeconds(40), null);

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.segments())
                .extracting(SegmentAnalysis::number, SegmentAnalysis::startTime)
                .containsExactly(tuple(1, T0), tuple(2, T0.plusSeconds(30)));
        assertThat(analysis.pauses()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void altitudesAreTheRawLowestAndHighest() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), CYCLING);

        assertThat(analysis.minAltitude()).isEqualTo(100.0);
        assertThat(analysis.maxAltitude()).isEqualTo(130.0);
    }

    @Test
    void aClimbThatLevelsOffAtTopAndBottomCountsInFull() {
        // Up 30 m and down 30 m with level points at both ends of each slope: the 0.3/0.4/0.3
        // smoothing moves the corners (103, 127) but not the levels, so sums are unchanged.
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), CYCLING);

        assertThat(analysis.ascent()).isCloseTo(30.0, METRES);
        assertThat(analysis.descent()).isCloseTo(30.0, METRES);
        assertThat(analysis.segments().get(0).ascent()).isCloseTo(30.0, METRES);
    }

    @Test
    void aOnePointBumpOfTenMetresCountsAsFour() {
        // 100, 100, 110, 100, 100 smooths to 100, 103, 104, 103, 100 (0.3·100 + 0.4·110 +
        // 0.3·100 = 104 at the top): 4 m up, 4 m down.
        double[] elevations = {100, 100, 110, 100, 100};
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        for (int k = 0; k < elevations.length; k++) {
            gpx.point(LAT0 + k * STEP, LON0, T0.plusSeconds(10L * k), elevations[k]);
        }

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.ascent()).isCloseTo(4.0, METRES);
        assertThat(analysis.descent()).isCloseTo(4.0, METRES);
        assertThat(analysis.maxAltitude()).isEqualTo(110.0);
    }

    @Test
    void pointsWithoutElevationAreSkippedForTheClimb() {
        // 100, -, 120, 120 → 100, 120, 120 smooths to 100, 114, 120: 20 m up.
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, 100.0)
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), null)
                        .point(LAT0 + 2 * STEP, LON0, T0.plusSeconds(20), 120.0)
                        .point(LAT0 + 3 * STEP, LON0, T0.plusSeconds(30), 120.0);

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.ascent()).isCloseTo(20.0, METRES);
        assertThat(analysis.descent()).isCloseTo(0.0, METRES);
        assertThat(analysis.minAltitude()).isEqualTo(100.0);
    }

    @Test
    void aFileWithoutElevationHasNoAltitudesNorClimb() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.twoSegments().bytes(), CYCLING);

        assertThat(analysis.minAltitude()).isNull();
        assertThat(analysis.maxAltitude()).isNull();
        assertThat(analysis.ascent()).isNull();
        assertThat(analysis.descent()).isNull();
        assertThat(analysis.segments().get(0).ascent()).isNull();
    }

    @Test
    void aFilesClimbIsTheSumOfItsSegmentsClimbs() {
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, 100.0)
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), 120.0)
                        .segment()
                        .point(LAT0 + 2 * STEP, LON0, T0.plusSeconds(20), 200.0)
                        .point(LAT0 + 3 * STEP, LON0, T0.plusSeconds(30), 210.0)
                        .segment()
                        .point(LAT0 + 4 * STEP, LON0, T0.plusSeconds(40), null)
                        .point(LAT0 + 5 * STEP, LON0, T0.plusSeconds(50), null);

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        // 20 m then 10 m; the jump from 120 to 200 between segments is not a climb.
        assertThat(analysis.ascent()).isCloseTo(30.0, METRES);
        assertThat(analysis.descent()).isCloseTo(0.0, METRES);
        assertThat(analysis.maxAltitude()).isEqualTo(210.0);
        assertThat(analysis.segments().get(2).ascent()).isNull();
    }

    @Test
    void maxSpeedOfASteadyRideIsItsSpeed() {
        GpxAnalysis analysis = GpxAnalyzer.analyze(GpxTracks.rideWithPause().bytes(), CYCLING);

        assertThat(analysis.maxSpeed()).isCloseTo(STEP_SPEED, KMH);
        assertThat(analysis.segments().get(0).maxSpeed()).isCloseTo(STEP_SPEED, KMH);
    }

    @Test
    void aGpsSpikeDoesNotSetTheMaxSpeed() {
        // 31 points north every 10 s; point 15 jumps 0.01° east (about 790 m) and back: the two
        // intervals around it are near 280 km/h.
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        for (int k = 0; k <= 30; k++) {
            double longitude = k == 15 ? LON0 + 0.01 : LON0;
            gpx.point(LAT0 + k * STEP, longitude, T0.plusSeconds(10L * k), null);
        }

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.maxSpeed()).isCloseTo(STEP_SPEED, KMH);
    }

    @Test
    void aSpeedHeldOverThreeIntervalsIsTheMaxSpeed() {
        long[] intervals = repeat(10, 30);
        intervals[10] = 5;
        intervals[11] = 5;
        intervals[12] = 5;

        GpxAnalysis analysis = GpxAnalyzer.analyze(meridian(intervals).bytes(), CYCLING);

        assertThat(analysis.maxSpeed()).isCloseTo(2 * STEP_SPEED, KMH);
    }

    @Test
    void aSpeedHeldOverTwoIntervalsOnlyIsIgnored() {
        long[] intervals = repeat(10, 30);
        intervals[10] = 5;
        intervals[11] = 5;

        GpxAnalysis analysis = GpxAnalyzer.analyze(meridian(intervals).bytes(), CYCLING);

        assertThat(analysis.maxSpeed()).isCloseTo(STEP_SPEED, KMH);
    }

    @Test
    void aSegmentOfFewerThanFiveIntervalsTakesTheLowerMedian() {
        // Speeds 40, 40, 80, 80 km/h: the lower median is 40.
        GpxAnalysis analysis = GpxAnalyzer.analyze(meridian(10, 10, 5, 5).bytes(), CYCLING);

        assertThat(analysis.maxSpeed()).isCloseTo(STEP_SPEED, KMH);
    }

    @Test
    void theFilesMaxSpeedIsItsFastestSegments() {
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        for (int k = 0; k <= 5; k++) {
            gpx.point(LAT0 + k * STEP, LON0, T0.plusSeconds(10L * k), null);
        }
        gpx.segment();
        for (int k = 0; k <= 5; k++) {
            gpx.point(LAT0 + (6 + k) * STEP, LON0, T0.plusSeconds(100 + 5L * k), null);
        }

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.segments().get(0).maxSpeed()).isCloseTo(STEP_SPEED, KMH);
        assertThat(analysis.maxSpeed()).isCloseTo(2 * STEP_SPEED, KMH);
    }

    @Test
    void aSinglePointHasNoDistanceNoSpeedAndNoTime() {
        GpxBuilder gpx = GpxBuilder.gpx().segment().point(LAT0, LON0, T0, 250.0);

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.distance()).isZero();
        assertThat(analysis.duration()).isZero();
        assertThat(analysis.moving()).isZero();
        assertThat(analysis.maxSpeed()).isZero();
        assertThat(analysis.averageSpeed()).isZero();
        assertThat(analysis.ascent()).isZero();
        assertThat(analysis.minAltitude()).isEqualTo(250.0);
    }

    @Test
    void pointsAtTheSameTimeCountForDistanceButNotForTime() {
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, null)
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), null)
                        .point(LAT0 + 2 * STEP, LON0, T0.plusSeconds(10), null)
                        .point(LAT0 + 3 * STEP, LON0, T0.plusSeconds(20), null);

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.distance())
                .isCloseTo(meridianArcMeters(LAT0, LAT0 + 3 * STEP) / 1000, KM);
        assertThat(analysis.moving()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void heartRateCadenceAndPowerAreSummarised() {
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        int[] heartRates = {120, 130, 140, 150};
        int[] cadences = {80, 90, 0, 90};
        int[] powers = {200, 250, 150, 200};
        for (int k = 0; k < 4; k++) {
            String extensions =
                    "<power>"
                            + powers[k]
                            + "</power>"
                            + GpxBuilder.garminExtension(heartRates[k], cadences[k]);
            gpx.point(LAT0 + k * STEP, LON0, T0.plusSeconds(10L * k), null, extensions);
        }

        SensorSummary sensors = GpxAnalyzer.analyze(gpx.bytes(), CYCLING).sensors();

        assertThat(sensors.averageHeartRate()).isEqualTo(135.0);
        assertThat(sensors.maxHeartRate()).isEqualTo(150);
        assertThat(sensors.averageCadence()).isEqualTo(65.0);
        assertThat(sensors.maxCadence()).isEqualTo(90);
        assertThat(sensors.averagePower()).isEqualTo(200.0);
        assertThat(sensors.maxPower()).isEqualTo(250);
    }

    @Test
    void aCadenceOfZeroThroughoutCountsAsNoCadence() {
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, null, GpxBuilder.garminExtension(null, 0))
                        .point(
                                LAT0 + STEP,
                                LON0,
                                T0.plusSeconds(10),
                                null,
                                GpxBuilder.garminExtension(null, 0));

        SensorSummary sensors = GpxAnalyzer.analyze(gpx.bytes(), CYCLING).sensors();

        assertThat(sensors.averageCadence()).isNull();
        assertThat(sensors.maxCadence()).isNull();
        assertThat(sensors.averageHeartRate()).isNull();
        assertThat(sensors.averagePower()).isNull();
    }

    @Test
    void aGpx10FileWithSpeedAndCourseIsRead() {
        String gpx =
                """
                <?xml version="1.0"?>
                <gpx version="1.0" creator="t" xmlns="http://www.topografix.com/GPX/1/0">
                <trk><trkseg>
                <trkpt lat="45.0" lon="5.0"><ele>10</ele><time>2024-06-01T08:00:00Z</time>\
                <course>0</course><speed>11.1</speed></trkpt>
                <trkpt lat="45.001" lon="5.0"><ele>12</ele><time>2024-06-01T08:00:10Z</time>\
                <course>0</course><speed>11.1</speed></trkpt>
                </trkseg></trk></gpx>
                """;

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.getBytes(StandardCharsets.UTF_8), CYCLING);

        assertThat(analysis.distance()).isCloseTo(meridianArcMeters(LAT0, LAT0 + STEP) / 1000, KM);
        assertThat(analysis.maxAltitude()).isEqualTo(12.0);
    }

    @Test
    void aGpxWithoutVersionNorCreatorAndWithUnknownElementsIsReadAsFitTrackeeDoes() {
        String gpx =
                """
                <gpx xmlns="http://www.topografix.com/GPX/1/1"><metadata/>
                <trk><name>n</name><trkseg>
                <trkpt lat="45.0" lon="5.0"><ele>10</ele><time>2024-06-01T08:00:00Z</time>\
                <heading>12</heading></trkpt>
                <trkpt lat="45.001" lon="5.0"><ele>12</ele><time>2024-06-01T08:00:10Z</time>\
                </trkpt>
                </trkseg></trk></gpx>
                """;

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.getBytes(StandardCharsets.UTF_8), CYCLING);

        assertThat(analysis.distance()).isCloseTo(meridianArcMeters(LAT0, LAT0 + STEP) / 1000, KM);
        assertThat(analysis.duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anUnreadableElevationCountsAsNone() {
        String gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, 100.0)
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), 999.0)
                        .point(LAT0 + 2 * STEP, LON0, T0.plusSeconds(20), 110.0)
                        .xml()
                        .replace("<ele>999.000</ele>", "<ele>high</ele>");

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.getBytes(StandardCharsets.UTF_8), CYCLING);

        assertThat(analysis.maxAltitude()).isEqualTo(110.0);
        assertThat(analysis.ascent()).isCloseTo(10.0, METRES);
    }

    @Test
    void theEncodingDeclaredByTheFileIsHonoured() {
        String xml =
                GpxTracks.twoSegments()
                        .xml()
                        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                        .replace("<name>test</name>", "<name>Col de l'Iséran</name>");
        byte[] utf16 = xml.getBytes(StandardCharsets.UTF_16);

        GpxAnalysis analysis = GpxAnalyzer.analyze(utf16, CYCLING);

        assertThat(analysis.segments()).hasSize(2);
    }

    @Test
    void nearlyAntipodalPointsStillHaveADistance() {
        // Vincenty's iteration does not converge here; half a meridian is 20,004 km and half
        // the equator 20,038 km, so any sensible distance lies near 20,000 km.
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(0, 0, T0, null)
                        .point(0.5, 179.7, T0.plusSeconds(3600), null);

        GpxAnalysis analysis = GpxAnalyzer.analyze(gpx.bytes(), CYCLING);

        assertThat(analysis.distance()).isBetween(19_900.0, 20_100.0);
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        byte[] gpx = GpxTracks.twoSegments().bytes();
        byte[] withBom = new byte[gpx.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(gpx, 0, withBom, 3, gpx.length);

        assertThat(GpxAnalyzer.analyze(withBom, CYCLING).segments()).hasSize(2);
    }

    @Test
    void aNegativeOrMissingThresholdIsAProgrammingError() {
        byte[] gpx = GpxTracks.twoSegments().bytes();

        assertThatThrownBy(() -> GpxAnalyzer.analyze(gpx, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GpxAnalyzer.analyze(gpx, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
