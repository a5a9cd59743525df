package org.fittrackee.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadableFileSizeTest {

    /**
     * What FitTrackee's {@code display_readable_file_size} prints, worked out from its rule: 0 and
     * 1 are spelled out; otherwise divide by 1024 until below 1024 and print one decimal with
     * Python's {@code %3.1f}, which rounds the exact binary value half to even (1.25 gives 1.2,
     * 1.75 gives 1.8).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | 0 bytes",
                "1 | 1 byte",
                "2 | 2.0 bytes",
                "1023 | 1023.0 bytes",
                "1024 | 1.0KB",
                "1126 | 1.1KB",
                "1280 | 1.2KB",
                "1792 | 1.8KB",
                "65536 | 64.0KB",
                "1048575 | 1024.0KB",
                "1048576 | 1.0MB",
                "1572864 | 1.5MB",
                "10485760 | 10.0MB",
                "2147483647 | 2.0GB",
                "1099511627776 | 1.0TB",
                "1125899906842624 | 1.0 bytes",
                "1152921504606846976 | 1024.0 bytes"
            })
    void aSizeIsWrittenAsFittrackeeWritesIt(long bytes, String readable) {
        assertThat(ReadableFileSize.of(bytes)).isEqualTo(readable);
    }
}
