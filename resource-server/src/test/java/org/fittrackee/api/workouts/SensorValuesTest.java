package org.fittrackee.api.workouts;

import static org.assertj.core.api.Assertions.assertThat;

import org.fittrackee.api.workouts.gpx.SensorSummary;
import org.junit.jupiter.api.Test;

class SensorValuesTest {

    @Test
    void averagesAreRoundedToTheNearestWholeNumberAndMaximaKept() {
        SensorSummary summary = new SensorSummary(124.5, 171, 87.49, 90, 254.51, 300);

        assertThat(SensorValues.of(summary))
                .isEqualTo(new SensorValues(125, 171, 87, 90, 255, 300));
    }

    @Test
    void whatTheFileDidNotRecordStaysNull() {
        SensorSummary summary = new SensorSummary(140.0, 150, null, null, null, null);

        assertThat(SensorValues.of(summary))
                .isEqualTo(new SensorValues(140, 150, null, null, null, null));
    }
}
