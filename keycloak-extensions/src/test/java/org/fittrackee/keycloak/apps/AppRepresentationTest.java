package org.fittrackee.keycloak.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppRepresentationTest {

    @Test
    void theIssueDateSpellsTheMonthInFullAsFittrackeeDoes() {
        assertThat(AppRepresentation.issuedAt("1653738796"))
                .isEqualTo("Sat, 28 May 2022 11:53:16 GMT");
        assertThat(AppRepresentation.issuedAt("1657780073"))
                .isEqualTo("Thu, 14 July 2022 06:27:53 GMT");
    }

    @Test
    void anAppWithoutIssueDateHasNone() {
        assertThat(AppRepresentation.issuedAt(null)).isNull();
    }
}
