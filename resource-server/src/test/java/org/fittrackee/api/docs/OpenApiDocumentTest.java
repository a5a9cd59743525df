package org.fittrackee.api.docs;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest extends ApiTest {

    @Test
    void theDocumentNamesTheScopeOfEachOperation() throws Exception {
        mvc.perform(get("/api/docs/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.paths['/api/workouts'].get.security[0].fittrackee")
                                .value(hasItem("workouts:read")))
                .andExpect(
                        jsonPath("$.paths['/api/workouts/no_gpx'].post.security[0].fittrackee")
                                .value(hasItem("workouts:write")))
                .andExpect(
                        jsonPath("$.paths['/api/config'].patch.security[0].fittrackee")
                                .value(hasItem("application:write")))
                .andExpect(jsonPath("$.paths['/api/config'].get.security").doesNotExist())
                .andExpect(
                        jsonPath("$.components.securitySchemes.fittrackee.type").value("oauth2"));
    }
}
