package org.fittrackee.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void aPortThatIsNotANumberIsNamedWithItsVariable() {
        assertThatThrownBy(
                        () -> StackSettings.from(Map.of("FITTRACKEE_PORT", "http"), Path.of(".")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "FITTRACKEE_PORT=http is not a port number: use a number from 1 to 65535");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(
                        () ->
                                StackSettings.from(
                                        Map.of("FITTRACKEE_API_PORT", "70000"), Path.of(".")))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("FITTRACKEE_API_PORT=70000 is not a port number");
    }

    @Test
    void withoutTheBuiltJarsItSaysHowToBuildThem() {
        assertThatThrownBy(() -> StackSettings.from(Map.of(), Path.of(".")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("./mvnw -Pstack package");
    }
}
