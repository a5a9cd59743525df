package org.fittrackee.api.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When Keycloak cannot be reached for the realm's keys, a token cannot be checked either way: the
 * caller gets a 503 it may retry, in FitTrackee's format, and never a bare 500.
 */
class UnreachableRealmKeysTest extends ApiTest {

    @DynamicPropertySource
    static void keysNobodyServes(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add(
                "fittrackee.jwks-url",
                () -> "http://127.0.0.1:" + closedPort + "/realms/fittrackee/certs");
    }

    @Test
    void aTokenThatCannotBeCheckedGetsAServiceUnavailableInFittrackeeFormat() throws Exception {
        mvc.perform(
                        get("/api/workouts")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + signedLooking()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(
                        jsonPath("$.message")
                                .value("error, please try again or contact the administrator"));
    }

    @Test
    void aMalformedTokenIsStillAnInvalidTokenWithoutAskingForKeys() throws Exception {
        mvc.perform(get("/api/workouts").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_token"));
    }

    /** A well-formed RS256 JWT whose key must be looked up in the realm's key set. */
    private static String signedLooking() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"realm-key\"}";
        String claims = "{\"sub\":\"someone\",\"exp\":4102444800}";
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "."
                + base64.encodeToString(new byte[256]);
    }
}
