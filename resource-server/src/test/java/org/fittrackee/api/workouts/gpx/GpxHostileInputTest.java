package org.fittrackee.api.workouts.gpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.XMLProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the bytes, the three entry points answer with a result or an {@link InvalidGpxException}
 * carrying a message for the user, never another exception.
 */
class GpxHostileInputTest {

    private static final String SECRET = "TOP-SECRET-7f3a";
    private static final String HEADER =
            "<gpx version=\"1.1\" creator=\"t\" xmlns=\"http://www.topografix.com/GPX/1/1\">";
    private static final String POINT =
            "<trkpt lat=\"45.0\" lon=\"5.0\"><time>2024-06-01T08:00:00Z</time></trkpt>";

    @TempDir static Path temp;

    static Stream<Arguments> entryPoints() {
        return Stream.of(
                entryPoint("analyze", gpx -> GpxAnalyzer.analyze(gpx, 1.0)),
                entryPoint("chartData of the file", gpx -> GpxAnalyzer.chartData(gpx, null)),
                entryPoint("chartData of segment 1", gpx -> GpxAnalyzer.chartData(gpx, 1)),
                entryPoint("geojson of the file", gpx -> GpxAnalyzer.geojson(gpx, null)),
                entryPoint("geojson of segment 1", gpx -> GpxAnalyzer.geojson(gpx, 1)));
    }

    private static Arguments entryPoint(String name, Consumer<byte[]> call) {
        return Arguments.of(Named.of(name, call));
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void anEmptyFileIsRefused(Consumer<byte[]> call) {
        assertRefused(call, new byte[0], InvalidGpxException.EMPTY_FILE);
        assertRefused(call, null, InvalidGpxException.EMPTY_FILE);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void textThatIsNotXmlIsRefused(Consumer<byte[]> call) {
        assertRefusedStartingWith(
                call,
                bytes("hello, world"),
                InvalidGpxException.NOT_PARSABLE + ": not well-formed");
        assertRefusedStartingWith(call, bytes("   \n"), InvalidGpxException.NOT_PARSABLE);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void binaryDataIsRefused(Consumer<byte[]> call) {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        assertRefusedStartingWith(call, noise, InvalidGpxException.NOT_PARSABLE);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void xmlThatIsNotGpxIsRefused(Consumer<byte[]> call) {
        String kml =
                "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark>"
                        + "<LineString><coordinates>5,45 5,45.001</coordinates></LineString>"
                        + "</Placemark></Document></kml>";

        assertRefused(call, bytes(kml), InvalidGpxException.NOT_GPX);
        assertRefused(call, bytes("<html><body>gpx</body></html>"), InvalidGpxException.NOT_GPX);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void aTruncatedFileIsRefused(Consumer<byte[]> call) {
        String whole = GpxTracks.twoSegments().xml();

        assertRefusedStartingWith(
                call,
                bytes(whole.substring(0, whole.length() / 2)),
                InvalidGpxException.NOT_PARSABLE + ": not well-formed");
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void anExternalEntityIsRefusedAndTheFileNeverRead(Consumer<byte[]> call) throws IOException {
        byte[] gpx = externalEntityGpx();

        Throwable thrown = catchThrowable(() -> call.accept(gpx));

        assertThat(thrown)
                .isExactlyInstanceOf(InvalidGpxException.class)
                .hasMessage(InvalidGpxException.DOCTYPE);
        assertThat(thrown).hasStackTraceContaining("DOCTYPE").hasNoCause();
        assertThat(String.valueOf(thrown.getMessage())).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void anEntityExpansionBombIsRefused(Consumer<byte[]> call) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE gpx [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String gpx =
                dtd + HEADER + "<trk><name>&lol9;</name><trkseg>" + POINT + "</trkseg></trk></gpx>";

        assertRefused(call, bytes(gpx), InvalidGpxException.DOCTYPE);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void anExternalDtdIsRefusedWithoutBeingFetched(Consumer<byte[]> call) {
        // Nothing listens on port 1: were the DTD fetched, the error would be a connection one.
        String gpx =
                "<!DOCTYPE gpx SYSTEM \"http://127.0.0.1:1/gpx.dtd\">"
                        + HEADER
                        + "<trk><trkseg>"
                        + POINT
                        + "</trkseg></trk></gpx>";

        assertRefused(call, bytes(gpx), InvalidGpxException.DOCTYPE);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void aFileWithoutTrackPointsIsRefused(Consumer<byte[]> call) {
        String waypointsOnly =
                HEADER
                        + "<wpt lat=\"45.0\" lon=\"5.0\"><time>2024-06-01T08:00:00Z</time></wpt>"
                        + "<rte><rtept lat=\"45.0\" lon=\"5.0\"/></rte></gpx>";

        assertRefused(call, bytes(HEADER + "</gpx>"), InvalidGpxException.NO_TRACK_POINTS);
        assertRefused(
                call,
                bytes(HEADER + "<trk><trkseg></trkseg><trkseg/></trk></gpx>"),
                InvalidGpxException.NO_TRACK_POINTS);
        assertRefused(call, bytes(waypointsOnly), InvalidGpxException.NO_TRACK_POINTS);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void aPointWithoutTimeIsRefused(Consumer<byte[]> call) {
        GpxBuilder oneMissing =
                GpxBuilder.gpx()
                        .segment()
                        .point(45.0, 5.0, GpxTracks.T0, null)
                        .point(45.001, 5.0, null, null)
                        .point(45.002, 5.0, GpxTracks.T0.plusSeconds(20), null);
        GpxBuilder allMissing =
                GpxBuilder.gpx().segment().point(45.0, 5.0, null, 1.0).point(45.1, 5.0, null, 2.0);

        assertRefused(call, oneMissing.bytes(), InvalidGpxException.MISSING_TIME);
        assertRefused(call, allMissing.bytes(), InvalidGpxException.MISSING_TIME);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void aPointWithoutAValidPositionIsRefused(Consumer<byte[]> call) {
        String badLatitude = POINT.replace("lat=\"45.0\"", "lat=\"north\"");
        String outOfRange = POINT.replace("lat=\"45.0\"", "lat=\"100\"");
        String noLongitude = POINT.replace(" lon=\"5.0\"", "");

        for (String point : new String[] {badLatitude, outOfRange, noLongitude}) {
            String track = "<trk><trkseg>" + POINT + point + "</trkseg></trk></gpx>";
            assertRefused(call, bytes(HEADER + track), InvalidGpxException.INVALID_TRACK_POINT);
        }
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void anUnreadableTimeIsRefusedAsMissing(Consumer<byte[]> call) {
        String badTime = POINT.replace("2024-06-01T08:00:00Z", "yesterday");

        assertRefused(
                call,
                bytes(HEADER + "<trk><trkseg>" + POINT + badTime + "</trkseg></trk></gpx>"),
                InvalidGpxException.MISSING_TIME);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void timesGoingBackwardsAreRefused(Consumer<byte[]> call) {
        GpxBuilder withinSegment =
                GpxBuilder.gpx()
                        .segment()
                        .point(45.0, 5.0, GpxTracks.T0.plusSeconds(10), null)
                        .point(45.001, 5.0, GpxTracks.T0, null);
        GpxBuilder acrossSegments =
                GpxBuilder.gpx()
                        .segment()
                        .point(45.0, 5.0, GpxTracks.T0, null)
                        .point(45.001, 5.0, GpxTracks.T0.plusSeconds(60), null)
                        .segment()
                        .point(45.002, 5.0, GpxTracks.T0.plusSeconds(30), null);

        assertRefused(call, withinSegment.bytes(), InvalidGpxException.NOT_CHRONOLOGICAL);
        assertRefused(call, acrossSegments.bytes(), InvalidGpxException.NOT_CHRONOLOGICAL);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void deepNestingIsRefused(Consumer<byte[]> call) {
        String deep = "<x>".repeat(40) + "</x>".repeat(40);
        String point = POINT.replace("</trkpt>", "<extensions>" + deep + "</extensions></trkpt>");

        assertRefused(
                call,
                bytes(HEADER + "<trk><trkseg>" + point + "</trkseg></trk></gpx>"),
                InvalidGpxException.TOO_DEEP);
    }

    @Test
    void moreTrackPointsThanTheLimitAreRefusedBeforeJpxReadsThem() {
        byte[] gpx = GpxTracks.rideWithPause().bytes();

        assertThatThrownBy(() -> GpxReader.read(gpx, 21))
                .isExactlyInstanceOf(InvalidGpxException.class)
                .hasMessage("too many track points in gpx file (more than 21)");
        assertThat(GpxReader.read(gpx, 22)).singleElement().asList().hasSize(22);
    }

    @Test
    void theLimitIsAMillionTrackPoints() {
        // Points without time: the count is refused before anything else is looked at.
        String point = "<trkpt lat=\"0\" lon=\"0\"/>";
        int count = GpxAnalyzer.MAX_TRACK_POINTS + 1;
        StringBuilder xml = new StringBuilder(HEADER.length() + count * point.length() + 64);
        xml.append(HEADER).append("<trk><trkseg>");
        for (int i = 0; i < count; i++) {
            xml.append(point);
        }
        xml.append("</trkseg></trk></gpx>");

        assertThatThrownBy(() -> GpxAnalyzer.analyze(bytes(xml.toString()), 1.0))
                .isExactlyInstanceOf(InvalidGpxException.class)
                .hasMessage("too many track points in gpx file (more than 1000000)");
    }

    @Test
    void jpxReadsThroughTheSecureProvider() throws IOException {
        assertThat(XMLProvider.provider()).isInstanceOf(SecureXmlProvider.class);

        XMLInputFactory factory = XMLProvider.provider().xmlInputFactory();
        assertThat(factory.getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
        assertThat(factory.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES))
                .isEqualTo(false);
    }

    @Test
    void jpxOnItsOwnDoesNotReadAnExternalEntityEither() throws IOException {
        byte[] gpx = externalEntityGpx();

        Throwable thrown =
                catchThrowable(() -> GPX.Reader.DEFAULT.read(new ByteArrayInputStream(gpx)));

        assertThat(thrown).isInstanceOf(IOException.class).satisfies(this::doesNotLeakTheSecret);
    }

    @Test
    void theSecureProvidersReaderNeverExpandsTheEntity() throws Exception {
        // jpx 3.2.1 happens to stop at any DOCTYPE (it expects the root element first); the
        // provider is what still holds if that ever changes: it does not even declare the entity.
        XMLStreamReader xml =
                new SecureXmlProvider()
                        .xmlInputFactory()
                        .createXMLStreamReader(new ByteArrayInputStream(externalEntityGpx()));

        Throwable thrown = catchThrowable(() -> readAllText(xml));

        assertThat(thrown)
                .isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("xxe")
                .satisfies(this::doesNotLeakTheSecret);
    }

    @Test
    void theJdksDefaultReaderWouldHaveReadTheSecret() throws Exception {
        // The control for the tests above: the threat is real with the JDK's defaults.
        XMLStreamReader xml =
                XMLInputFactory.newDefaultFactory()
                        .createXMLStreamReader(new ByteArrayInputStream(externalEntityGpx()));

        assertThat(readAllText(xml)).contains(SECRET);
    }

    private static String readAllText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.CHARACTERS) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    private void doesNotLeakTheSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
        }
    }

    /** A GPX whose track name is an external entity pointing at a local file. */
    private static byte[] externalEntityGpx() throws IOException {
        Path secret = temp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        String gpx =
                "<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE gpx [<!ENTITY xxe SYSTEM \""
                        + secret.toUri()
                        + "\">]>\n"
                        + HEADER
                        + "<trk><name>&xxe;</name><trkseg>"
                        + POINT
                        + "</trkseg></trk></gpx>";
        return bytes(gpx);
    }

    private static void assertRefused(Consumer<byte[]> call, byte[] gpx, String message) {
        assertThatThrownBy(() -> call.accept(gpx))
                .isExactlyInstanceOf(InvalidGpxException.class)
                .hasMessage(message);
    }

    private static void assertRefusedStartingWith(
            Consumer<byte[]> call, byte[] gpx, String messageStart) {
        assertThatThrownBy(() -> call.accept(gpx))
                .isExactlyInstanceOf(InvalidGpxException.class)
                .hasMessageStartingWith(messageStart);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
