package org.fittrackee.api.workouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortIdTest {

    /**
     * Pairs worked out from shortuuid 1.0.13's algorithm (FitTrackee's {@code encode_uuid}) outside
     * this code: the UUID's 128-bit integer divided repeatedly by 57, each remainder an index into
     * the default alphabet {@code 23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz},
     * padded with its first character to 22, most significant digit first. 0x39 is 57, so "32" (one
     * fifty-seven, zero units) is checkable by eye.
     */
    @ParameterizedTest
    @CsvSource({
        "00000000-0000-0000-0000-000000000000, 2222222222222222222222",
        "00000000-0000-0000-0000-000000000039, 2222222222222222222232",
        "12345678-1234-5678-1234-567812345678, 5FdNqEYASQvT6ZhBtUuVoV",
        "c4a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b, czA2W4qczqjM8KaVYYMcE2",
        "ffffffff-ffff-ffff-ffff-ffffffffffff, oZEq7ovRbLq6UnGMPwc8B5"
    })
    void aUuidIsWrittenAsShortuuidWritesItAndReadBack(String uuid, String shortId) {
        assertThat(ShortId.encode(UUID.fromString(uuid))).isEqualTo(shortId);
        assertThat(ShortId.decode(shortId)).contains(UUID.fromString(uuid));
    }
}
