package org.fittrackee.api.workouts.gpx;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes GPX 1.1 text for tests: tracks of segments of points, each point with an optional time,
 * elevation and raw {@code <extensions>} content.
 */
final class GpxBuilder {

    static final String GPXTPX = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

    private final List<List<List<String>>> tracks = new ArrayList<>();

    static GpxBuilder gpx() {
        return new GpxBuilder();
    }

    /** Starts a new {@code <trk>}; {@link #segment()} is still needed for its first segment. */
    GpxBuilder track() {
        tracks.add(new ArrayList<>());
        return this;
    }

    /** Starts a new {@code <trkseg>}, in a new track if none was started. */
    GpxBuilder segment() {
        if (tracks.isEmpty()) {
            track();
        }
        tracks.get(tracks.size() - 1).add(new ArrayList<>());
        return this;
    }

    GpxBuilder point(double latitude, double longitude, Instant time, Double elevation) {
        return point(latitude, longitude, time, elevation, null);
    }

    GpxBuilder point(
            double latitude, double longitude, Instant time, Double elevation, String extensions) {
        StringBuilder point = new StringBuilder();
        point.append(
                String.format(
                        Locale.ROOT, "<trkpt lat=\"%.7f\" lon=\"%.7f\">", latitude, longitude));
        if (elevation != null) {
            point.append(String.format(Locale.ROOT, "<ele>%.3f</ele>", elevation));
        }
        if (time != null) {
            point.append("<time>").append(time).append("</time>");
        }
        if (extensions != null) {
            point.append("<extensions>").append(extensions).append("</extensions>");
        }
        point.append("</trkpt>");
        currentSegment().add(point.toString());
        return this;
    }

    String xml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gpx version=\"1.1\" creator=\"fittrackee tests\"")
                .append(" xmlns=\"http://www.topografix.com/GPX/1/1\"")
                .append(" xmlns:gpxtpx=\"")
                .append(GPXTPX)
                .append("\">\n");
        for (List<List<String>> track : tracks) {
            xml.append("<trk><name>test</name>\n");
            for (List<String> segment : track) {
                xml.append("<trkseg>\n");
                segment.forEach(point -> xml.append(point).append('\n'));
                xml.append("</trkseg>\n");
            }
            xml.append("</trk>\n");
        }
        return xml.append("</gpx>\n").toString();
    }

    byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    /** Garmin TrackPointExtension content with the given values, {@code null} ones left out. */
    static String garminExtension(Integer heartRate, Integer cadence) {
        StringBuilder extension = new StringBuilder("<gpxtpx:TrackPointExtension>");
        if (heartRate != null) {
            extension.append("<gpxtpx:hr>").append(heartRate).append("</gpxtpx:hr>");
        }
        if (cadence != null) {
            extension.append("<gpxtpx:cad>").append(cadence).append("</gpxtpx:cad>");
        }
        return extension.append("</gpxtpx:TrackPointExtension>").toString();
    }

    private List<String> currentSegment() {
        if (tracks.isEmpty() || tracks.get(tracks.size() - 1).isEmpty()) {
            segment();
        }
        List<List<String>> track = tracks.get(tracks.size() - 1);
        return track.get(track.size() - 1);
    }
}
