package org.fittrackee.api.workouts.gpx;

import java.time.Instant;
import java.util.Arrays;

/** The test tracks, each described with the values it was built from. */
final class GpxTracks {

    static final Instant T0 = Instant.parse("2024-06-01T08:00:00Z");
    static final double LAT0 = 45.0;
    static final double LON0 = 5.0;

    /** 0.001° of latitude, about 111 m at 45°N. */
    static final double STEP = 0.001;

    /**
     * Elevations of the ride's first eleven points: level, up 30 m in 10 m steps, level, down 30 m,
     * level. The remaining points stay at 100 m.
     */
    static final double[] RIDE_ELEVATIONS = {100, 100, 110, 120, 130, 130, 130, 120, 110, 100, 100};

    private GpxTracks() {}

    /**
     * One segment due north along the 5°E meridian from 45°N: ten steps of {@link #STEP} every 10
     * s, a stop of 60 s at the same place, then ten more steps every 10 s. 22 points over 0.020° of
     * latitude (about 2.2 km), lasting 260 s of which 200 s moving.
     */
    static GpxBuilder rideWithPause() {
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        for (int k = 0; k <= 10; k++) {
            gpx.point(LAT0 + k * STEP, LON0, T0.plusSeconds(10L * k), RIDE_ELEVATIONS[k]);
        }
        gpx.point(LAT0 + 10 * STEP, LON0, T0.plusSeconds(160), 100.0);
        for (int k = 11; k <= 20; k++) {
            gpx.point(LAT0 + k * STEP, LON0, T0.plusSeconds(160 + 10L * (k - 10)), 100.0);
        }
        return gpx;
    }

    /**
     * Two segments of five steps north every 10 s (50 s each), 120 s apart in time and 0.005° apart
     * in space: the first from 45.000° to 45.005°, the second from 45.010° to 45.015°.
     */
    static GpxBuilder twoSegments() {
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        for (int k = 0; k <= 5; k++) {
            gpx.point(LAT0 + k * STEP, LON0, T0.plusSeconds(10L * k), null);
        }
        gpx.segment();
        for (int k = 0; k <= 5; k++) {
            gpx.point(LAT0 + (10 + k) * STEP, LON0, T0.plusSeconds(170 + 10L * k), null);
        }
        return gpx;
    }

    /**
     * North along the meridian, one point every {@code intervalSeconds[i]} seconds, one {@link
     * #STEP} per interval, without elevation.
     */
    static GpxBuilder meridian(long... intervalSeconds) {
        GpxBuilder gpx = GpxBuilder.gpx().segment();
        Instant time = T0;
        gpx.point(LAT0, LON0, time, null);
        for (int i = 0; i < intervalSeconds.length; i++) {
            time = time.plusSeconds(intervalSeconds[i]);
            gpx.point(LAT0 + (i + 1) * STEP, LON0, time, null);
        }
        return gpx;
    }

    static long[] repeat(long seconds, int times) {
        long[] intervals = new long[times];
        Arrays.fill(intervals, seconds);
        return intervals;
    }
}
