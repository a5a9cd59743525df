package org.fittrackee.api.workouts.gpx;

import io.jenetics.jpx.Length;
import io.jenetics.jpx.WayPoint;
import io.jenetics.jpx.geom.Geoid;
import java.time.Duration;
import java.time.Instant;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One {@code <trkpt>} as the analysis needs it: position, time, elevation in metres, and the heart
 * rate, cadence and power a device may have written in its extensions.
 */
record TrackPoint(
        WayPoint wayPoint,
        Instant time,
        Double elevation,
        Integer heartRate,
        Integer cadence,
        Integer power) {

    /**
     * Reads a point; a point without {@code <time>} makes the whole file unusable, as FitTrackee
     * cannot tell durations or speeds without it.
     */
    static TrackPoint of(WayPoint wayPoint) {
        Instant time =
                wayPoint.getTime()
                        .orElseThrow(
                                () -> new InvalidGpxException(InvalidGpxException.MISSING_TIME));
        Double elevation = wayPoint.getElevation().map(e -> e.to(Length.Unit.METER)).orElse(null);
        Sensors sensors = wayPoint.getExtensions().map(TrackPoint::sensors).orElse(Sensors.NONE);
        return new TrackPoint(
                wayPoint, time, elevation, sensors.heartRate, sensors.cadence, sensors.power);
    }

    double latitude() {
        return wayPoint.getLatitude().doubleValue();
    }

    double longitude() {
        return wayPoint.getLongitude().doubleValue();
    }

    /**
     * The geodesic distance to {@code next} on the WGS84 ellipsoid (Vincenty's inverse formula,
     * through jpx), in metres. Elevation is not taken into account.
     *
     * <p>Vincenty's iteration does not converge for nearly antipodal points; consecutive track
     * points half the globe apart only occur in broken files, for which the great-circle distance
     * on a sphere is good enough.
     */
    double metersTo(TrackPoint next) {
        try {
            return Geoid.WGS84.distance(wayPoint, next.wayPoint).to(Length.Unit.METER);
        } catch (ArithmeticException e) {
            return greatCircleMeters(next);
        }
    }

    /** The time from this point to {@code next}; negative if {@code next} is earlier. */
    Duration durationTo(TrackPoint next) {
        return Duration.between(time, next.time);
    }

    private double greatCircleMeters(TrackPoint next) {
        double lat1 = Math.toRadians(latitude());
        double lat2 = Math.toRadians(next.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(next.longitude() - longitude());
        double h =
                Math.pow(Math.sin(dLat / 2), 2)
                        + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * TangentPlane.EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private record Sensors(Integer heartRate, Integer cadence, Integer power) {
        static final Sensors NONE = new Sensors(null, null, null);
    }

    /**
     * Heart rate, cadence and power from a point's {@code <extensions>}: Garmin's
     * TrackPointExtension (v1 or v2, {@code hr} and {@code cad}), and power written directly in the
     * extensions ({@code <power>}, as Strava and many devices do) or as Garmin's {@code
     * PowerInWatts}. Elements are matched by local name, whatever their namespace prefix; values
     * that are not non-negative numbers are ignored, decimals are truncated.
     */
    private static Sensors sensors(Document extensions) {
        Element root = extensions.getDocumentElement();
        if (root == null) {
            return Sensors.NONE;
        }
        Integer[] values = new Integer[3];
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            if ("TrackPointExtension".equals(localName(element))) {
                for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element value) {
                        collect(value, values);
                    }
                }
            } else {
                collect(element, values);
            }
        }
        return new Sensors(values[0], values[1], values[2]);
    }

    private static void collect(Element element, Integer[] values) {
        int index =
                switch (localName(element)) {
                    case "hr" -> 0;
                    case "cad", "cadence" -> 1;
                    case "power", "PowerInWatts" -> 2;
                    default -> -1;
                };
        if (index < 0 || values[index] != null) {
            return;
        }
        values[index] = nonNegativeInteger(element.getTextContent());
    }

    private static Integer nonNegativeInteger(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) && value >= 0 && value <= Integer.MAX_VALUE
                    ? (int) value
                    : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String localName(Element element) {
        String name = element.getLocalName();
        if (name != null) {
            return name;
        }
        String qualified = element.getNodeName();
        return qualified.substring(qualified.indexOf(':') + 1);
    }
}
