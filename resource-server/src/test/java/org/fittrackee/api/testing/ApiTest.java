package org.fittrackee.api.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Controller tests on the whole application and a real PostgreSQL, with tokens made by Spring
 * Security's {@code jwt()}: the rules under test are ours, the signature check is Spring's.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiTest {

    @Autowired protected MockMvc mvc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("fittrackee.database.url", TestDatabase::url);
    }

    /** Creates a workout without file for the token's user; returns its short id. */
    protected String createWorkout(
            TestToken token, int sportId, double distance, int duration, String date)
            throws Exception {
        String response =
                mvc.perform(
                                post("/api/workouts/no_gpx")
                                        .with(token.asBearer())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(
                                                "{\"sport_id\": "
                                                        + sportId
                                                        + ", \"distance\": "
                                                        + distance
                                                        + ", \"duration\": "
                                                        + duration
                                                        + ", \"workout_date\": \""
                                                        + date
                                                        + "\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        return JsonPath.read(response, "$.data.workouts[0].id");
    }

    /** Uploads a workout file for the token's user; returns the new workout's short id. */
    protected String uploadWorkout(TestToken token, MockMultipartFile file, int sportId)
            throws Exception {
        String response =
                mvc.perform(
                                multipart("/api/workouts")
                                        .file(file)
                                        .param("data", "{\"sport_id\": " + sportId + "}")
                                        .with(token.asBearer()))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        return JsonPath.read(response, "$.data.workouts[0].id");
    }

    /** A token of a new user with the given scopes and FitTrackee realm roles. */
    protected static TestToken userWith(String scope, String... realmRoles) {
        String subject = UUID.randomUUID().toString();
        return new TestToken(
                subject, "user-" + subject.substring(0, 8), scope, List.of(realmRoles));
    }

    /** A token as the first-party client has it: every FitTrackee scope. */
    protected static TestToken firstPartyUser(String... realmRoles) {
        return userWith(
                "application:write profile:read profile:write users:read users:write"
                        + " workouts:read workouts:write",
                realmRoles);
    }

    /** The claims of a Keycloak access token of the fittrackee realm. */
    public record TestToken(String subject, String username, String scope, List<String> roles) {

        public RequestPostProcessor asBearer() {
            return jwt().jwt(
                            token ->
                                    token.subject(subject)
                                            .claim("preferred_username", username)
                                            .claim("scope", scope)
                                            .claim("azp", "test-app")
                                            .claim("realm_access", Map.of("roles", roles)));
        }

        public TestToken withScope(String otherScope) {
            return new TestToken(subject, username, otherScope, roles);
        }
    }
}
