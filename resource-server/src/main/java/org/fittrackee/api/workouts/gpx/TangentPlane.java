package org.fittrackee.api.workouts.gpx;

/**
 * The plane tangent to the Earth at a point, on which the location filter measures how close a
 * track comes to it: a position lies so many metres east and north of the point (an equirectangular
 * projection), exact enough for radii of a few hundred kilometres, as FitTrackee draws its circle
 * in metres around the point.
 *
 * @param latitude degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 */
public record TangentPlane(double latitude, double longitude) {

    /** The mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    /**
     * How close the straight line between two consecutive track points comes to the point. The line
     * goes the short way round between its ends, so that one crossing the 180th meridian stays near
     * it; a line from a position to itself is that position.
     */
    public double distanceToLine(
            double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double fromEast = metresEast(shortWay(fromLongitude - longitude));
        double toEast = fromEast + metresEast(shortWay(toLongitude - fromLongitude));
        double fromNorth = metresNorth(fromLatitude - latitude);
        double toNorth = metresNorth(toLatitude - latitude);
        return distanceToSegment(fromEast, fromNorth, toEast, toNorth);
    }

    /**
     * The farthest any position within the box lies from the point. A track's positions are all
     * within its box, so when this is within a radius, the track passes within it.
     */
    public double farthestIn(Bounds box) {
        double north =
                Math.max(
                        Math.abs(box.minLatitude() - latitude),
                        Math.abs(box.maxLatitude() - latitude));
        double east =
                holdsAntipodalMeridian(box)
                        ? 180
                        : Math.max(
                                Math.abs(shortWay(box.minLongitude() - longitude)),
                                Math.abs(shortWay(box.maxLongitude() - longitude)));
        return Math.hypot(metresEast(east), metresNorth(north));
    }

    /**
     * Whether the box's longitudes hold the meridian opposite the point's, the farthest east or
     * west a position can be; elsewhere the farthest are at the box's edges.
     */
    private boolean holdsAntipodalMeridian(Bounds box) {
        double antipodal = shortWay(longitude + 180);
        return holds(box, antipodal) || holds(box, antipodal + 360);
    }

    private static boolean holds(Bounds box, double longitude) {
        return box.minLongitude() <= longitude && longitude <= box.maxLongitude();
    }

    private double metresEast(double longitudeDegrees) {
        return Math.toRadians(longitudeDegrees)
                * Math.cos(Math.toRadians(latitude))
                * EARTH_RADIUS_M;
    }

    private static double metresNorth(double latitudeDegrees) {
        return Math.toRadians(latitudeDegrees) * EARTH_RADIUS_M;
    }

    /** A difference of longitudes taken the short way round, -180 to 180 degrees. */
    private static double shortWay(double degrees) {
        return ((degrees % 360) + 540) % 360 - 180;
    }

    /** The distance from the plane's origin to the segment between two of its positions. */
    private static double distanceToSegment(
            double fromEast, double fromNorth, double toEast, double toNorth) {
        double dx = toEast - fromEast;
        double dy = toNorth - fromNorth;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : -(fromEast * dx + fromNorth * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(fromEast + t * dx, fromNorth + t * dy);
    }
}
