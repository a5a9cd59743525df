package org.fittrackee.api.workouts;

import org.fittrackee.api.workouts.gpx.TangentPlane;

/**
 * The {@code coordinates} and {@code radius} filter of the workouts list: workouts whose track
 * passes within {@code radiusKm} of the point.
 *
 * @param latitude degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 * @param radiusKm above zero
 */
public record Location(double latitude, double longitude, double radiusKm) {

    /**
     * How far, in degrees of latitude, the circle reaches north and south; the box is a sphere's,
     * slightly widened.
     */
    double latitudeReach() {
        return Math.toDegrees(radiusKm * 1000 / TangentPlane.EARTH_RADIUS_M) * 1.01;
    }

    /**
     * How far, in degrees of longitude, the circle reaches east and west at its widest; 180 when it
     * comes near a pole.
     */
    double longitudeReach() {
        double widest = Math.abs(latitude) + latitudeReach();
        if (widest >= 89) {
            return 180;
        }
        return Math.min(180, latitudeReach() / Math.cos(Math.toRadians(widest)));
    }

    /** The plane on which the distances to the point are measured. */
    TangentPlane plane() {
        return new TangentPlane(latitude, longitude);
    }
}
