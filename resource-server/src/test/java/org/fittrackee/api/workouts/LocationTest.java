package org.fittrackee.api.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The box around the location filter's circle, in degrees, which picks the candidate workouts: 10
 * km is 0.0899 degree of latitude, widened by 1%.
 */
class LocationTest {

    private static final Offset<Double> DEGREES = within(1e-5);

    @Test
    void theCircleReachesAsFarNorthAndSouthAtEveryLatitude() {
        assertThat(new Location(0, 0, 10).latitudeReach()).isCloseTo(0.09083, DEGREES);
        assertThat(new Location(60, 0, 10).latitudeReach()).isCloseTo(0.09083, DEGREES);
    }

    @Test
    void theCircleReachesFartherEastAndWestAwayFromTheEquator() {
        assertThat(new Location(0, 0, 10).longitudeReach()).isCloseTo(0.09083, DEGREES);
        assertThat(new Location(60, 0, 10).longitudeReach()).isCloseTo(0.18216, DEGREES);
        assertThat(new Location(-60, 0, 10).longitudeReach()).isCloseTo(0.18216, DEGREES);
    }

    @Test
    void nearAPoleTheCircleReachesEveryLongitude() {
        assertThat(new Location(88.95, 0, 10).longitudeReach()).isEqualTo(180);
        assertThat(new Location(-89.9, 0, 1).longitudeReach()).isEqualTo(180);
        assertThat(new Location(88.5, 0, 10).longitudeReach()).isLessThan(180);
    }

    @Test
    void aHugeCircleReachesEveryLongitude() {
        assertThat(new Location(0, 0, 20_000).longitudeReach()).isEqualTo(180);
    }
}
