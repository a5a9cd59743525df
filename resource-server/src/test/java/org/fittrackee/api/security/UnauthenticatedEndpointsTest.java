package org.fittrackee.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The {@code Authorization} header where FitTrackee reads it, and where it does not: ignored on
 * endpoints without authentication, an OAuth {@code invalid_token} on scoped ones (optional ones
 * included), FitTrackee's own 401 on first-party-only ones.
 */
class UnauthenticatedEndpointsTest extends ApiTest {

    private static final String INVALID_TOKEN_BODY =
            "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is"
                    + " expired, revoked, malformed, or invalid for other reasons.\"}";
    private static final String INVALID_TOKEN_CHALLENGE =
            "Bearer error=\"invalid_token\", error_description=\"The access token provided is"
                    + " expired, revoked, malformed, or invalid for other reasons.\"";

    @ParameterizedTest
    @CsvSource({
        "/api/config, $.data.version",
        "/api/ping, $.message",
        "/api/auth/timezones, $.timezones"
    })
    void anEndpointWithoutAuthenticationIgnoresAStaleOrBrokenToken(String path, String field)
            throws Exception {
        for (String header :
                new String[] {
                    "Bearer not-a-jwt",
                    "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
                    "Bearer",
                    "Bearer a b c",
                    "Basic dXNlcjpwYXNz"
                }) {
            mvc.perform(get(path).header("Authorization", header))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist("WWW-Authenticate"))
                    .andExpect(jsonPath("$.status").value("success"))
                    .andExpect(jsonPath(field).exists());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sports", "/api/workouts/2222222222222222222222", "/api/records"})
    void aBrokenTokenOnAScopedEndpointIsAnInvalidTokenEvenWhenItAnswersAnonymously(String path)
            throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).header("Authorization", "Bearer not-a-jwt"))
                        .andExpect(status().isUnauthorized())
                        .andReturn()
                        .getResponse();

        assertThat(response.getContentAsString()).isEqualTo(INVALID_TOKEN_BODY);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo(INVALID_TOKEN_CHALLENGE);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer not-a-jwt", "Bearer a.b.c", "Bearer a b"})
    void aBrokenTokenOnAFirstPartyOnlyEndpointGetsFittrackeesUnauthorized(String header)
            throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/api/testing/first-party").header("Authorization", header))
                        .andExpect(status().isUnauthorized())
                        .andExpect(header().doesNotExist("WWW-Authenticate"))
                        .andReturn()
                        .getResponse();

        assertThat(response.getContentAsString())
                .isEqualTo("{\"status\":\"error\",\"message\":\"provide a valid auth token\"}");
    }
}
