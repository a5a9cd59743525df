package org.fittrackee.api.workouts.gpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fittrackee.api.workouts.gpx.GpxBuilder.gpx;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Whether a stored track passes within a radius of a point: its points and the lines between
 * consecutive points of a segment count, never a line from one segment to the next. 0.01 degree at
 * the equator is 1.11 km.
 */
class GpxPassesWithinTest {

    private static final Instant T0 = Instant.parse("2024-05-12T08:00:00Z");

    @Test
    void aLineBetweenTwoPointsFarFromThePointPassesNearIt() {
        byte[] track =
                gpx().point(0, -0.01, T0, null).point(0, 0.01, T0.plusSeconds(60), null).bytes();

        assertThat(GpxAnalyzer.passesWithin(track, 0.001, 0, 0.2)).isTrue();
        assertThat(GpxAnalyzer.passesWithin(track, 0.002, 0, 0.2)).isFalse();
    }

    @Test
    void theGapBetweenTwoSegmentsIsNoLineOfTheTrack() {
        byte[] twoSegments =
                gpx().segment()
                        .point(0, -0.02, T0, null)
                        .point(0, -0.01, T0.plusSeconds(60), null)
                        .segment()
                        .point(0, 0.01, T0.plusSeconds(120), null)
                        .point(0, 0.02, T0.plusSeconds(180), null)
                        .bytes();
        byte[] oneSegment =
                gpx().point(0, -0.02, T0, null)
                        .point(0, -0.01, T0.plusSeconds(60), null)
                        .point(0, 0.01, T0.plusSeconds(120), null)
                        .point(0, 0.02, T0.plusSeconds(180), null)
                        .bytes();

        assertThat(GpxAnalyzer.passesWithin(twoSegments, 0, 0, 1)).isFalse();
        assertThat(GpxAnalyzer.passesWithin(oneSegment, 0, 0, 1)).isTrue();
    }

    @Test
    void aSegmentOfOnePointIsThatPoint() {
        byte[] track = gpx().point(45.19, 5.72, T0, null).bytes();

        assertThat(GpxAnalyzer.passesWithin(track, 45.19, 5.73, 1)).isTrue();
        assertThat(GpxAnalyzer.passesWithin(track, 45.19, 5.75, 1)).isFalse();
    }

    @Test
    void aTrackAcrossThe180thMeridianPassesNearItFromEitherSide() {
        byte[] track =
                gpx().point(-16.5, 179.99, T0, null)
                        .point(-16.5, -179.99, T0.plusSeconds(60), null)
                        .bytes();

        assertThat(GpxAnalyzer.passesWithin(track, -16.5, 180, 0.1)).isTrue();
        assertThat(GpxAnalyzer.passesWithin(track, -16.5, -179.999, 0.1)).isTrue();
        assertThat(GpxAnalyzer.passesWithin(track, -16.5, 0, 100)).isFalse();
    }

    @Test
    void aFileWithADoctypeIsRefusedAsInvalid() {
        byte[] doctype =
                ("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a \"b\">]>"
                                + "<gpx><trk><trkseg><trkpt lat=\"0\" lon=\"0\"/></trkseg></trk>"
                                + "</gpx>")
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GpxAnalyzer.passesWithin(doctype, 0, 0, 1))
                .isInstanceOf(InvalidGpxException.class);
    }
}
