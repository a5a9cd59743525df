package org.fittrackee.api.workouts.gpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fittrackee.api.workouts.gpx.GpxTracks.LAT0;
import static org.fittrackee.api.workouts.gpx.GpxTracks.LON0;
import static org.fittrackee.api.workouts.gpx.GpxTracks.STEP;
import static org.fittrackee.api.workouts.gpx.GpxTracks.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpxGeoJsonTest {

    @Test
    void theWholeFileIsAMultiLineStringWithOneLinePerSegment() {
        Optional<Map<String, Object>> geojson =
                GpxAnalyzer.geojson(GpxTracks.twoSegments().bytes(), null);

        assertThat(geojson).isPresent();
        assertThat(geojson.get()).containsEntry("type", "MultiLineString");
        assertThat(geojson.get().get("coordinates"))
                .isEqualTo(List.of(northwards(0, 5), northwards(10, 15)));
    }

    @Test
    void oneSegmentIsAMultiLineStringOfOneLine() {
        Optional<Map<String, Object>> geojson =
                GpxAnalyzer.geojson(GpxTracks.twoSegments().bytes(), 2);

        assertThat(geojson.get())
                .containsEntry("type", "MultiLineString")
                .containsEntry("coordinates", List.of(northwards(10, 15)));
    }

    @Test
    void anUnknownSegmentHasNoGeometry() {
        byte[] gpx = GpxTracks.twoSegments().bytes();

        assertThat(GpxAnalyzer.geojson(gpx, 3)).isEmpty();
        assertThat(GpxAnalyzer.geojson(gpx, 0)).isEmpty();
    }

    @Test
    void aSegmentOfOnePointIsNoLine() {
        GpxBuilder gpx =
                GpxBuilder.gpx()
                        .segment()
                        .point(LAT0, LON0, T0, null)
                        .segment()
                        .point(LAT0 + STEP, LON0, T0.plusSeconds(10), null)
                        .point(LAT0 + 2 * STEP, LON0, T0.plusSeconds(20), null);

        assertThat(GpxAnalyzer.geojson(gpx.bytes(), null).get())
                .containsEntry("coordinates", List.of(northwards(1, 2)));
        assertThat(GpxAnalyzer.geojson(gpx.bytes(), 1).get())
                .containsEntry("coordinates", List.of());
    }

    /** [lon, lat] positions of the steps {@code from} to {@code to} north of 45°N on 5°E. */
    private static List<List<Double>> northwards(int from, int to) {
        List<List<Double>> line = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            // As written in the file: 7 decimals.
            double latitude = Math.round((LAT0 + k * STEP) * 1e7) / 1e7;
            line.add(List.of(LON0, latitude));
        }
        return line;
    }
}
