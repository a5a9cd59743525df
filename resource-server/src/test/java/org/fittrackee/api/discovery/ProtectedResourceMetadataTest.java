package org.fittrackee.api.discovery;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

class ProtectedResourceMetadataTest extends ApiTest {

    @Test
    void theMetadataNamesTheRealmAsAuthorizationServerAndTheScopes() throws Exception {
        mvc.perform(get("/.well-known/oauth-protected-resource"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resource").value("http://localhost"))
                .andExpect(
                        jsonPath("$.authorization_servers[0]")
                                .value("http://localhost:8180/realms/fittrackee"))
                .andExpect(
                        jsonPath("$.scopes_supported")
                                .value(hasItems("workouts:read", "application:write")))
                .andExpect(jsonPath("$.bearer_methods_supported[0]").value("header"));
    }

    @Test
    void theResourceFollowsTheForwardedHost() throws Exception {
        mvc.perform(
                        get("/.well-known/oauth-protected-resource")
                                .header("X-Forwarded-Proto", "https")
                                .header("X-Forwarded-Host", "fittrackee.example.org"))
                .andExpect(jsonPath("$.resource").value("https://fittrackee.example.org"));
    }
}
