package org.fittrackee.api.workouts.gpx;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;

/**
 * Turns GPX bytes into track segments of timed points, or refuses them with an {@link
 * InvalidGpxException}.
 *
 * <p>Two passes. A streaming pass first checks the outline with a StAX reader that never processes
 * DTDs: it refuses any DOCTYPE (so neither external entities nor entity expansion bombs reach a
 * parser), a root element other than {@code <gpx>}, nesting deeper than {@link #MAX_DEPTH}, and
 * more track points than the limit, all before anything is held in memory, and it counts the track
 * points. Only then does jpx build its model, through {@link SecureXmlProvider}.
 *
 * <p>jpx reads in lenient mode, as tolerant as gpxpy, which FitTrackee uses: a missing {@code
 * version} or {@code creator}, or elements outside the schema, are accepted. Lenient mode drops
 * what it cannot read instead, so the result is checked: a track point dropped (invalid or missing
 * latitude or longitude) is caught by comparing with the outline's count, and a point whose time
 * was missing or unreadable by the time check. An unreadable elevation is read as no elevation.
 *
 * <p>The segments returned are those of all tracks in file order; segments without any point are
 * left out, so segment numbers only count segments that have points. Every point has a time and
 * times never go backwards across the whole file (equal times are allowed).
 */
final class GpxReader {

    /** A GPX with Garmin extensions nests 7 deep; anything far beyond is not a track. */
    static final int MAX_DEPTH = 32;

    private static final String[] TRACK_SEGMENT_PATH = {"gpx", "trk", "trkseg"};
    private static final String[] TRACK_POINT_PATH = {"gpx", "trk", "trkseg", "trkpt"};
    private static final int MAX_DETAIL_LENGTH = 200;

    private GpxReader() {}

    static List<List<TrackPoint>> read(byte[] gpx, int maxTrackPoints) {
        if (gpx == null || gpx.length == 0) {
            throw new InvalidGpxException(InvalidGpxException.EMPTY_FILE);
        }

        Outline outline = outline(gpx, maxTrackPoints);
        if (outline.trackPoints() == 0) {
            throw new InvalidGpxException(InvalidGpxException.NO_TRACK_POINTS);
        }
        List<List<TrackPoint>> segments = segments(parse(gpx, outline.version()));

        int read = segments.stream().mapToInt(List::size).sum();
        if (read != outline.trackPoints()) {
            throw new InvalidGpxException(InvalidGpxException.INVALID_TRACK_POINT);
        }
        checkChronologicalOrder(segments);
        return segments;
    }

    /** A test of a straight line between two track points; see {@link #anyTrackLine}. */
    @FunctionalInterface
    interface TrackLineTest {
        boolean passes(
                double fromLatitude, double fromLongitude, double toLatitude, double toLongitude);
    }

    /**
     * Whether a line of the file's track passes the test, in one streaming pass that stops at the
     * first that does: each segment's first point, as a line from itself to itself, then the line
     * from each point to the next of its segment. For a file that was read in full when it was
     * stored: only the positions are read, under the outline's rules (no DOCTYPE, at most {@link
     * #MAX_DEPTH} levels), without jpx, which costs many times more; a point without a readable
     * position is passed over.
     *
     * @throws InvalidGpxException if the file is not well-formed XML or breaks those rules
     */
    static boolean anyTrackLine(byte[] gpx, TrackLineTest test) {
        return walk(gpx, new TrackLines(test));
    }

    /** What a streaming pass does at each element it opens; true ends the pass there. */
    @FunctionalInterface
    private interface ElementVisitor {
        boolean opened(XMLStreamReader xml, String[] path, int depth);
    }

    /**
     * Walks the file's elements with a StAX reader that never processes DTDs, refusing a DOCTYPE
     * and nesting deeper than {@link #MAX_DEPTH}; returns whether the visitor ended the walk.
     */
    private static boolean walk(byte[] gpx, ElementVisitor visitor) {
        XMLStreamReader xml = null;
        try {
            xml =
                    SecureXmlProvider.secureInputFactory()
                            .createXMLStreamReader(new ByteArrayInputStream(gpx));
            String[] path = new String[MAX_DEPTH];
            int depth = 0;
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.DTD ->
                            throw new InvalidGpxException(InvalidGpxException.DOCTYPE);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (depth == MAX_DEPTH) {
                            throw new InvalidGpxException(InvalidGpxException.TOO_DEEP);
                        }
                        path[depth++] = xml.getLocalName();
                        if (visitor.opened(xml, path, depth)) {
                            return true;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {}
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw new InvalidGpxException(
                    InvalidGpxException.NOT_PARSABLE + ": not well-formed XML" + where(e), e);
        } finally {
            close(xml);
        }
    }

    /** The lines of the track, segment by segment, each given to the test as it is read. */
    private static final class TrackLines implements ElementVisitor {

        private final TrackLineTest test;
        private double[] previous;

        TrackLines(TrackLineTest test) {
            this.test = test;
        }

        @Override
        public boolean opened(XMLStreamReader xml, String[] path, int depth) {
            if (isAt(TRACK_SEGMENT_PATH, path, depth)) {
                previous = null;
                return false;
            }
            double[] point = isAt(TRACK_POINT_PATH, path, depth) ? position(xml) : null;
            if (point == null) {
                return false;
            }

            double[] from = previous == null ? point : previous;
            previous = point;
            return test.passes(from[0], from[1], point[0], point[1]);
        }
    }

    /** A track point's latitude and longitude, or null when either is unreadable. */
    private static double[] position(XMLStreamReader trackPoint) {
        try {
            double latitude = Double.parseDouble(trackPoint.getAttributeValue(null, "lat").strip());
            double longitude =
                    Double.parseDouble(trackPoint.getAttributeValue(null, "lon").strip());
            boolean valid = Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
            return valid ? new double[] {latitude, longitude} : null;
        } catch (NullPointerException | NumberFormatException e) {
            return null;
        }
    }

    private record Outline(GPX.Version version, int trackPoints) {}

    private static Outline outline(byte[] gpx, int maxTrackPoints) {
        OutlineCount count = new OutlineCount(maxTrackPoints);
        walk(gpx, count);
        if (count.version == null) {
            throw new InvalidGpxException(InvalidGpxException.NOT_GPX);
        }
        return new Outline(count.version, count.trackPoints);
    }

    /** The root's GPX version and the number of track points, refused past the limit. */
    private static final class OutlineCount implements ElementVisitor {

        private final int maxTrackPoints;
        private GPX.Version version;
        private int trackPoints;

        OutlineCount(int maxTrackPoints) {
            this.maxTrackPoints = maxTrackPoints;
        }

        @Override
        public boolean opened(XMLStreamReader xml, String[] path, int depth) {
            if (depth == 1) {
                version = version(xml);
            }
            if (isAt(TRACK_POINT_PATH, path, depth) && ++trackPoints > maxTrackPoints) {
                throw InvalidGpxException.tooManyTrackPoints(maxTrackPoints);
            }
            return false;
        }
    }

    private static GPX.Version version(XMLStreamReader root) {
        if (!"gpx".equals(root.getLocalName())) {
            throw new InvalidGpxException(InvalidGpxException.NOT_GPX);
        }
        String version = root.getAttributeValue(null, "version");
        return version != null && "1.0".equals(version.strip()) ? GPX.Version.V10 : GPX.Version.V11;
    }

    /** Whether the element just opened, at the given depth of the path, is at the expected one. */
    private static boolean isAt(String[] expected, String[] path, int depth) {
        if (depth != expected.length) {
            return false;
        }
        for (int i = 0; i < depth; i++) {
            if (!expected[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static GPX parse(byte[] gpx, GPX.Version version) {
        try {
            GPX parsed =
                    GPX.Reader.of(version, GPX.Reader.Mode.LENIENT)
                            .read(new StreamSource(new ByteArrayInputStream(gpx)));
            if (parsed == null) {
                throw new InvalidGpxException(InvalidGpxException.NOT_PARSABLE);
            }
            return parsed;
        } catch (InvalidGpxException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidGpxException(InvalidGpxException.NOT_PARSABLE + detail(e), e);
        }
    }

    private static List<List<TrackPoint>> segments(GPX gpx) {
        List<List<TrackPoint>> segments = new ArrayList<>();
        for (Track track : gpx.getTracks()) {
            for (TrackSegment segment : track.getSegments()) {
                List<WayPoint> points = segment.getPoints();
                if (points.isEmpty()) {
                    continue;
                }
                List<TrackPoint> trackPoints = new ArrayList<>(points.size());
                for (WayPoint point : points) {
                    trackPoints.add(TrackPoint.of(point));
                }
                segments.add(List.copyOf(trackPoints));
            }
        }
        return List.copyOf(segments);
    }

    private static void checkChronologicalOrder(List<List<TrackPoint>> segments) {
        TrackPoint previous = null;
        for (List<TrackPoint> segment : segments) {
            for (TrackPoint point : segment) {
                if (previous != null && point.time().isBefore(previous.time())) {
                    throw new InvalidGpxException(InvalidGpxException.NOT_CHRONOLOGICAL);
                }
                previous = point;
            }
        }
    }

    private static String where(XMLStreamException e) {
        Location location = e.getLocation();
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (line "
                + location.getLineNumber()
                + ", column "
                + location.getColumnNumber()
                + ")";
    }

    /** jpx's own explanation, e.g. {@code Invalid value for 'lat': ...}, on one short line. */
    private static String detail(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        String detail = message.replaceFirst("^Invalid GPX: ", "").replaceAll("\\s+", " ").strip();
        if (detail.length() > MAX_DETAIL_LENGTH) {
            detail = detail.substring(0, MAX_DETAIL_LENGTH) + "...";
        }
        return ": " + detail;
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Nothing is left to release: the reader works on a byte array.
        }
    }
}
