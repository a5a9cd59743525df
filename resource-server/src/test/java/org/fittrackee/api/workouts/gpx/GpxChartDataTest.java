package org.fittrackee.api.workouts.gpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fittrackee.api.workouts.gpx.GpxTracks.LAT0;
import static org.fittrackee.api.workouts.gpx.GpxTracks.LON0;
import static org.fittrackee.api.workouts.gpx.GpxTracks.STEP;
import static org.fittrackee.api.workouts.gpx.GpxTracks.T0;
import static org.fittrackee.api.workouts.gpx.ReferenceGeodesy.meridianArcMeters;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GpxChartDataTest {

    /** Half of the 2-decimal rounding step, plus the reference's own margin (see the metrics). */
    private static final Offset<Double> ROUNDED_KM = within(0.005 + 1e-6);

    /** Speeds are rounded to 2 decimals. */
    private static final Offset<Double> ROUNDED_KMH = within(0.005 + 1e-3);

    private static final double STEP_SPEED = meridianArcMeters(LAT0, LAT0 + STEP) / 10 * 3.6;

    @Test
    void thereIsOnePointPerTrackPoint() {
        List<ChartPoint> chart = GpxAnalyzer.chartData(GpxTracks.rideWithPause().bytes(), null);

        assertThat(chart).hasSize(22);
        assertThat(chart.get(0).latitude()).isEqualTo(LAT0);
        assertThat(chart.get(0).longitude()).isEqualTo(LON0);
        assertThat(chart.get(21).latitude()).isEqualTo(45.02);
    }

    @Test
    void distanceIsCumulativeKilometresRoundedToTwoDecimals() {
        List<ChartPoint> chart = GpxAnalyzer.chartData(GpxTracks.rideWithPause().bytes(), null);

        for (ChartPoint point : chart) {
            double exact = meridianArcMeters(LAT0, point.latitude()) / 1000;
            assertThat(point.distance()).isCloseTo(exact, ROUNDED_KM);
            assertThat(point.distance() * 100)
                    .isCloseTo(Math.rint(point.distance() * 100), within(1e-9));
        }
        assertThat(chart.get(21).distance()).isEqualTo(2.22);
    }

    @Test
    void durationIsSecondsSinceTheFirstPoint() {
        List<ChartPoint> chart = GpxAnalyzer.chartData(GpxTracks.rideWithPause().bytes(), null);

        assertThat(chart)
                .extracting(ChartPoint::duration)
                .containsExactly(
                        0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L, 160L, 170L, 180L,
                        190L, 200L, 210L, 220L, 230L, 240L, 250L, 260L);
    }

    @Test
    void speedIsTheMeanOfTheIntervalsAroundThePoint() {
        List<ChartPoint> chart = GpxAnalyzer.chartData(GpxTracks.rideWithPause().bytes(), null);

        assertThat(chart.get(0).speed()).isCloseTo(STEP_SPEED, ROUNDED_KMH);
        assertThat(chart.get(5).speed()).isCloseTo(STEP_SPEED, ROUNDED_KMH);
        // Arriving at the stop at full speed, then 60 s without moving: (v + 0) / 2.
        assertThat(chart.get(10).speed()).isCloseTo(STEP_SPEED / 2, ROUNDED_KMH);
        assertThat(chart.get(11).speed()).isCloseTo(STEP_SPEED / 2, ROUNDED_KMH);
        assertThat(chart.get(21).speed()).isCloseTo(STEP_SPEED, ROUNDED_KMH);
    }

    @Test
    void elevationIsRoundedToOneDecimalAndOnlyGivenWhenRecorded() {
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, 100.26)
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), 100.24)
                        .point(LAT0 + 2 * STEP, LON0, T0.plusSeconds(20), null)
                        .point(LAT0 + 3 * STEP, LON0, T0.plusSeconds(30), 0.0);

        List<ChartPoint> chart = GpxAnalyzer.chartData(gpx.bytes(), null);

        assertThat(chart)
                .extracting(ChartPoint::elevation)
                .containsExactly(100.3, 100.2, null, 0.0);
        assertThat(chart.get(2).toJson()).doesNotContainKey("elevation");
        assertThat(chart.get(3).toJson()).containsEntry("elevation", 0.0);
    }

    @Test
    void theWholeFileRunsOnAcrossSegmentsWithoutTheGapsDistance() {
        List<ChartPoint> chart = GpxAnalyzer.chartData(GpxTracks.twoSegments().bytes(), null);

        double first = meridianArcMeters(LAT0, LAT0 + 5 * STEP) / 1000;
        double second = meridianArcMeters(LAT0 + 10 * STEP, LAT0 + 15 * STEP) / 1000;
        assertThat(chart).hasSize(12);
        assertThat(chart.get(6).duration()).isEqualTo(170L);
        assertThat(chart.get(6).distance()).isCloseTo(first, ROUNDED_KM);
        assertThat(chart.get(11).duration()).isEqualTo(220L);
        assertThat(chart.get(11).distance()).isCloseTo(first + second, ROUNDED_KM);
        // The first point of a segment has only the interval after it.
        assertThat(chart.get(5).speed()).isCloseTo(STEP_SPEED, ROUNDED_KMH);
        assertThat(chart.get(6).speed()).isCloseTo(STEP_SPEED, ROUNDED_KMH);
    }

    @Test
    void aSegmentsChartStartsAtItsOwnFirstPoint() {
        List<ChartPoint> chart = GpxAnalyzer.chartData(GpxTracks.twoSegments().bytes(), 2);

        assertThat(chart).hasSize(6);
        assertThat(chart.get(0).distance()).isZero();
        assertThat(chart.get(0).duration()).isZero();
        assertThat(chart.get(0).latitude()).isEqualTo(45.01);
        assertThat(chart.get(0).time()).isEqualTo(T0.plusSeconds(170));
        assertThat(chart.get(5).duration()).isEqualTo(50L);
        assertThat(chart.get(5).distance())
                .isCloseTo(
                        meridianArcMeters(LAT0 + 10 * STEP, LAT0 + 15 * STEP) / 1000, ROUNDED_KM);
    }

    @Test
    void anUnknownSegmentHasNoChart() {
        byte[] gpx = GpxTracks.twoSegments().bytes();

        assertThat(GpxAnalyzer.chartData(gpx, 3)).isEmpty();
        assertThat(GpxAnalyzer.chartData(gpx, 0)).isEmpty();
        assertThat(GpxAnalyzer.chartData(gpx, -1)).isEmpty();
    }

    @Test
    void aLonePointHasSpeedZero() {
        GpxBuilder gpx = GpxBuilder.gpx().segment().point(LAT0, LON0, T0, null);

        List<ChartPoint> chart = GpxAnalyzer.chartData(gpx.bytes(), null);

        assertThat(chart).singleElement().extracting(ChartPoint::speed).isEqualTo(0.0);
    }

    @Test
    void jsonHasFitTrackeesKeysAndAnRfc1123Time() {
        List<ChartPoint> chart = GpxAnalyzer.chartData(GpxTracks.twoSegments().bytes(), null);

        Map<String, Object> json = chart.get(1).toJson();

        assertThat(json.keySet())
                .containsExactly("distance", "duration", "latitude", "longitude", "speed", "time");
        assertThat(json).containsEntry("duration", 10L).containsEntry("latitude", 45.001);
        assertThat(json).containsEntry("time", "Sat, 01 Jun 2024 08:00:10 GMT");
    }

    @Test
    void heartRateCadenceAndPowerAreGivenWhenRecorded() {
        String garmin = GpxBuilder.garminExtension(142, 87);
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, 300.0, garmin + "<power>230</power>")
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), 301.0, null);

        List<ChartPoint> chart = GpxAnalyzer.chartData(gpx.bytes(), null);

        Map<String, Object> json = chart.get(0).toJson();
        assertThat(json.keySet())
                .containsExactly(
                        "cadence",
                        "distance",
                        "duration",
                        "elevation",
                        "hr",
                        "latitude",
                        "longitude",
                        "power",
                        "speed",
                        "time");
        assertThat(json)
                .containsEntry("hr", 142)
                .containsEntry("cadence", 87)
                .containsEntry("power", 230);
        assertThat(chart.get(1).toJson()).doesNotContainKeys("hr", "cadence", "power");
    }

    @Test
    void garminPowerAndTrackPointExtensionV2AreRead() {
        String extensions =
                "<pwr:PowerInWatts"
                        + " xmlns:pwr=\"http://www.garmin.com/xmlschemas/PowerExtension/v1\">"
                        + "181</pwr:PowerInWatts><ns3:TrackPointExtension"
                        + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\">"
                        + "<ns3:hr>99</ns3:hr><ns3:cad>70.6</ns3:cad></ns3:TrackPointExtension>";
        GpxBuilder gpx = GpxBuilder.gpx().segment().point(LAT0, LON0, T0, null, extensions);

        ChartPoint point = GpxAnalyzer.chartData(gpx.bytes(), null).get(0);

        assertThat(point.power()).isEqualTo(181);
        assertThat(point.heartRate()).isEqualTo(99);
        assertThat(point.cadence()).isEqualTo(70);
    }

    @Test
    void unreadableSensorValuesAreLeftOut() {
        String extensions =
                GpxBuilder.garminExtension(null, null)
                        .replace(
                                "</gpxtpx:TrackPointExtension>",
                                "<gpxtpx:hr>fast</gpxtpx:hr><gpxtpx:cad>-3</gpxtpx:cad>"
                                        + "</gpxtpx:TrackPointExtension>");
        GpxBuilder gpx = GpxBuilder.gpx().segment().point(LAT0, LON0, T0, null, extensions);

        ChartPoint point = GpxAnalyzer.chartData(gpx.bytes(), null).get(0);

        assertThat(point.heartRate()).isNull();
        assertThat(point.cadence()).isNull();
    }
}
