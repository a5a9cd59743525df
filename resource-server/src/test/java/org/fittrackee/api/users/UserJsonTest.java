package org.fittrackee.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserJsonTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0:00:00",
        "59, 0:00:59",
        "3725, 1:02:05",
        "86399, 23:59:59",
        "86400, '1 day, 0:00:00'",
        "172801, '2 days, 0:00:01'",
        "1.5, 0:00:01.500000"
    })
    void totalDurationsAreWrittenAsFitTrackeeWritesThem(double seconds, String expected) {
        assertThat(UserJson.duration(seconds)).isEqualTo(expected);
    }
}
