package org.fittrackee.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsFormatTest {

    @Test
    void twoDecimalsRoundTheStoredValueLikePython() {
        assertThat(StatsFormat.twoDecimals(20.276666)).isEqualTo(20.28);
        assertThat(StatsFormat.twoDecimals(2.675)).isEqualTo(2.67);
        assertThat(StatsFormat.twoDecimals(0.125)).isEqualTo(0.12);
        assertThat(StatsFormat.twoDecimals(null)).isNull();
    }

    @Test
    void wholeSecondsDropTheFractionAfterTheMicrosecond() {
        assertThat(StatsFormat.wholeSeconds(1000.5)).isEqualTo(1000L);
        assertThat(StatsFormat.wholeSeconds(2239.9999999)).isEqualTo(2240L);
        assertThat(StatsFormat.wholeSeconds(null)).isNull();
    }

    @Test
    void clocksSpellDaysLikeAPythonTimedelta() {
        assertThat(StatsFormat.clock(2300.0)).isEqualTo("0:38:20");
        assertThat(StatsFormat.clock(16104.9)).isEqualTo("4:28:24");
        assertThat(StatsFormat.clock(86_400.0)).isEqualTo("1 day, 0:00:00");
        assertThat(StatsFormat.clock(2 * 86_400.0 + 3661)).isEqualTo("2 days, 1:01:01");
        assertThat(StatsFormat.clock(null)).isNull();
    }
}
