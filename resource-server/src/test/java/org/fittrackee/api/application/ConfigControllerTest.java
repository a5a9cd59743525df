package org.fittrackee.api.application;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConfigControllerTest extends ApiTest {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void restoreDefaults() {
        jdbc.sql("DELETE FROM app_config").update();
        jdbc.sql("INSERT INTO app_config (id) VALUES (1)").update();
    }

    @Test
    void anyoneReadsTheConfiguration() throws Exception {
        mvc.perform(get("/api/config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.data.version").value("1.2.2"))
                .andExpect(jsonPath("$.data.max_single_file_size").value(1048576))
                .andExpect(jsonPath("$.data.is_registration_enabled").value(false));
    }

    @Test
    void anAdminWithApplicationWriteChangesIt() throws Exception {
        mvc.perform(
                        patch("/api/config")
                                .with(userWith("application:write", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"max_users\": 10, \"admin_contact\":"
                                                + " \"a@example.org\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.max_users").value(10))
                .andExpect(jsonPath("$.data.admin_contact").value("a@example.org"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "profile:read",
                "profile:write",
                "users:read",
                "users:write",
                "workouts:read",
                "workouts:write"
            })
    void anyOtherScopeIsInsufficient(String scope) throws Exception {
        mvc.perform(
                        patch("/api/config")
                                .with(userWith(scope, "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_users\": 10}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"))
                .andExpect(
                        jsonPath("$.error_description")
                                .value(
                                        "The request requires higher privileges than provided by"
                                                + " the access token."))
                .andExpect(
                        header().string(
                                        "WWW-Authenticate",
                                        org.hamcrest.Matchers.containsString(
                                                "insufficient_scope")));
    }

    @Test
    void aUserWithTheScopeButNotAdminIsForbidden() throws Exception {
        mvc.perform(
                        patch("/api/config")
                                .with(userWith("application:write", "user").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_users\": 10}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
    }

    @Test
    void withoutATokenItIsUnauthorized() throws Exception {
        mvc.perform(
                        patch("/api/config")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_users\": 10}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }

    @Test
    void aValueAboveTheIntegerLimitIsRefusedWithItsKey() throws Exception {
        mvc.perform(
                        patch("/api/config")
                                .with(userWith("application:write", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_users\": 2147483648}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("config_value_exceeding_limit"))
                .andExpect(jsonPath("$.key").value("max_users"))
                .andExpect(jsonPath("$.max_value").value(2147483647));
    }

    @Test
    void aZipLimitBelowTheFileLimitIsRefused() throws Exception {
        mvc.perform(
                        patch("/api/config")
                                .with(userWith("application:write", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"max_zip_file_size\": 100, \"max_single_file_size\":"
                                                + " 200}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message[0]").exists());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"max_users\": \"ten\"}",
                "not json",
                "{\"admin_contact\": \"x\"}"
            })
    void badBodiesAreRefusedAndChangeNothing(String body) throws Exception {
        mvc.perform(
                        patch("/api/config")
                                .with(userWith("application:write", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/config")).andExpect(jsonPath("$.data.max_users").value(0));
    }
}
