package org.fittrackee.keycloak.pkce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkcePolicyTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final PkcePolicy byDefault = new PkcePolicy(false, false);

    @Test
    void s256IsAccepted() {
        assertThat(byDefault.problemWith(CHALLENGE, "S256")).isEmpty();
    }

    @Test
    void noPkceIsAcceptedUnlessRequired() {
        assertThat(byDefault.problemWith(null, null)).isEmpty();
        assertThat(new PkcePolicy(false, true).problemWith(null, null))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("PKCE is required"));
    }

    @Test
    void plainAndAChallengeWithoutMethodAreRefusedUnlessAllowed() {
        assertThat(byDefault.problemWith(CHALLENGE, "plain"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("'plain'"));
        assertThat(byDefault.problemWith(CHALLENGE, null))
                .hasValueSatisfying(problem -> assertThat(problem).contains("'plain'"));

        PkcePolicy allowingPlain = new PkcePolicy(true, false);
        assertThat(allowingPlain.problemWith(CHALLENGE, "plain")).isEmpty();
        assertThat(allowingPlain.problemWith(CHALLENGE, null)).isEmpty();
    }

    @Test
    void anUnknownMethodIsRefused() {
        assertThat(byDefault.problemWith(CHALLENGE, "S512"))
                .contains("Unsupported 'code_challenge_method': use S256");
    }

    @Test
    void aMethodWithoutChallengeIsRefused() {
        assertThat(byDefault.problemWith(null, "S256")).contains("Missing 'code_challenge'");
    }

    @Test
    void aMalformedChallengeIsRefused() {
        assertThat(byDefault.problemWith("short", "S256")).contains("Invalid 'code_challenge'");
        assertThat(byDefault.problemWith("a".repeat(129), "S256"))
                .contains("Invalid 'code_challenge'");
        assertThat(byDefault.problemWith("+".repeat(43), "S256"))
                .contains("Invalid 'code_challenge'");
    }
}
