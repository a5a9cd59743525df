package org.fittrackee.api.workouts.gpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * How close a track comes to a point, measured on the plane tangent at the point; expected values
 * worked out by hand from the mean Earth radius (0.01 degree of a great circle is 1,111.95 m).
 */
class TangentPlaneTest {

    private static final Offset<Double> CENTIMETRES = within(0.01);

    @Test
    void aPositionIsItsMetresNorthAndEastWithLongitudesShrinkingWithLatitude() {
        assertThat(new TangentPlane(45, 5).distanceToLine(45.01, 5, 45.01, 5))
                .isCloseTo(1111.95, CENTIMETRES);
        assertThat(new TangentPlane(60, 5).distanceToLine(60, 5.01, 60, 5.01))
                .isCloseTo(555.98, CENTIMETRES);
    }

    @Test
    void aLinePassingBesideThePointIsMeasuredAtItsClosestPosition() {
        TangentPlane plane = new TangentPlane(0, 0);

        assertThat(plane.distanceToLine(0.001, -0.01, 0.001, 0.01)).isCloseTo(111.20, CENTIMETRES);
        assertThat(plane.distanceToLine(-0.01, 0, 0.01, 0)).isZero();
    }

    @Test
    void aLineEndingBeforeThePointIsMeasuredAtItsNearestEnd() {
        assertThat(new TangentPlane(0, 0).distanceToLine(0.001, 0.001, 0.001, 0.002))
                .isCloseTo(157.25, CENTIMETRES);
    }

    @Test
    void aLineAcrossThe180thMeridianGoesTheShortWayRound() {
        assertThat(new TangentPlane(0, 180).distanceToLine(0, 179.99, 0, -179.99))
                .isCloseTo(0, CENTIMETRES);
        assertThat(new TangentPlane(0, -180).distanceToLine(0, 179.99, 0, -179.99))
                .isCloseTo(0, CENTIMETRES);
        assertThat(new TangentPlane(0, 0).distanceToLine(0, 179.99, 0, -179.99))
                .isGreaterThan(20_000_000);
    }

    @Test
    void aLineAcrossTheMeridianOppositeThePointStaysOnTheFarSideOfTheEarth() {
        // From 175 to 160 degrees west, across 170 degrees west, the meridian opposite 10 east.
        assertThat(new TangentPlane(0, 10).distanceToLine(0, -175, 0, -160))
                .isGreaterThan(19_000_000);
    }

    @Test
    void theFarthestPositionOfABoxIsAtItsFarthestEdges() {
        Bounds box = new Bounds(44.99, 4.99, 45.01, 5.02);

        assertThat(new TangentPlane(45, 5).farthestIn(box)).isCloseTo(1925.96, CENTIMETRES);
    }

    @Test
    void aBoxHoldingTheMeridianOppositeThePointReachesHalfwayRound() {
        double halfwayRoundAndOneDegree = 20_015_423.31;

        assertThat(new TangentPlane(0, 0).farthestIn(new Bounds(-1, 179, 1, 180)))
                .isCloseTo(halfwayRoundAndOneDegree, CENTIMETRES);
        assertThat(new TangentPlane(0, 10).farthestIn(new Bounds(-1, -175, 1, -160)))
                .isCloseTo(halfwayRoundAndOneDegree, CENTIMETRES);
        assertThat(new TangentPlane(0, -1).farthestIn(new Bounds(-1, 178, 1, 178.5)))
                .isLessThan(halfwayRoundAndOneDegree);
    }
}
