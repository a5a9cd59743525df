package org.fittrackee.api.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

class FirstPartyOnlyTest extends ApiTest {

    @Test
    void theFirstPartyClientsTokenIsServed() throws Exception {
        mvc.perform(get("/api/testing/first-party").with(tokenOf("fittrackee-web")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("first-party-user"));
    }

    @Test
    void aThirdPartyTokenGetsFittrackeesUnauthorizedWhateverItsScopes() throws Exception {
        mvc.perform(get("/api/testing/first-party").with(tokenOf("some-app")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }

    @Test
    void noTokenGetsFittrackeesUnauthorized() throws Exception {
        mvc.perform(get("/api/testing/first-party"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor tokenOf(
            String clientId) {
        return jwt().jwt(
                        token ->
                                token.subject("first-party-subject-" + clientId)
                                        .claim("preferred_username", "first-party-user")
                                        .claim("azp", clientId)
                                        .claim("scope", String.join(" ", FittrackeeScopes.ALL))
                                        .claim("realm_access", Map.of("roles", List.of("user"))));
    }
}
