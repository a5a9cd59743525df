package org.fittrackee.api.workouts.gpx;

/**
 * Distances on the WGS84 ellipsoid computed without jpx, to check the analyzer against. Only two
 * kinds of path have simple exact geodesic lengths, and the test tracks use only those: along a
 * meridian (the meridian arc) and along the equator (an arc of the equatorial circle).
 */
final class ReferenceGeodesy {

    static final double WGS84_A = 6_378_137.0;
    static final double WGS84_F = 1 / 298.257223563;
    private static final double E2 = WGS84_F * (2 - WGS84_F);
    private static final int SIMPSON_STEPS = 200;

    private ReferenceGeodesy() {}

    /**
     * The length of the meridian arc between two latitudes, in metres: the integral of the
     * meridional radius of curvature M(φ) = a(1 − e²) / (1 − e² sin²φ)^{3/2}, by Simpson's rule. M
     * is smooth and varies by under 1% over the globe, so 200 steps are exact to far below a
     * micrometre on any arc a test uses.
     */
    static double meridianArcMeters(double fromLatitude, double toLatitude) {
        double a = Math.toRadians(fromLatitude);
        double b = Math.toRadians(toLatitude);
        double h = (b - a) / SIMPSON_STEPS;
        double sum = meridionalRadius(a) + meridionalRadius(b);
        for (int i = 1; i < SIMPSON_STEPS; i++) {
            sum += (i % 2 == 0 ? 2 : 4) * meridionalRadius(a + i * h);
        }
        return Math.abs(sum * h / 3);
    }

    /** Along the equator the geodesic is the equator itself: a × Δλ. */
    static double equatorMeters(double longitudeDelta) {
        return WGS84_A * Math.toRadians(Math.abs(longitudeDelta));
    }

    private static double meridionalRadius(double latitude) {
        double s = Math.sin(latitude);
        return WGS84_A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
    }
}
