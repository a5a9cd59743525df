package org.fittrackee.api.workouts.gpx;

import java.util.List;

/**
 * The box around a track, in degrees.
 *
 * <p>NOTE: longitudes are compared as numbers, so a track crossing the 180th meridian gets a box
 * spanning the globe, as in FitTrackee. A box that may wrap (min longitude greater than max) would
 * lift it, once the clients drawing maps accept one.
 */
public record Bounds(
        double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {

    /** FitTrackee's {@code bounds}: {@code [min lat, min lon, max lat, max lon]}. */
    public List<Double> toList() {
        return List.of(minLatitude, minLongitude, maxLatitude, maxLongitude);
    }
}
