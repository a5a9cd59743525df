package org.fittrackee.api.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import org.fittrackee.api.testing.TestDatabase;
import org.fittrackee.keycloak.testing.AdminApi;
import org.fittrackee.keycloak.testing.AdminApi.TestUser;
import org.fittrackee.keycloak.testing.AppsApiClient;
import org.fittrackee.keycloak.testing.FittrackeeOAuth;
import org.fittrackee.keycloak.testing.HttpJson;
import org.fittrackee.keycloak.testing.HttpJson.Answer;
import org.fittrackee.keycloak.testing.RegisteredApp;
import org.fittrackee.keycloak.testing.TestKeycloak;
import org.fittrackee.keycloak.testing.ThirdPartyFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The resource server with real tokens from the real Keycloak and our extension, over HTTP: a
 * FitTrackee app goes through the third-party flow and calls the API with what it was granted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThirdPartyTokensIT {

    private static final String REDIRECT_URI = "https://sync.example.org/callback";
    private static final String NEW_WORKOUT =
            "{\"sport_id\": 5, \"duration\": 3600, \"distance\": 10,"
                    + " \"workout_date\": \"2024-05-12 08:30\"}";

    private static final TestKeycloak KEYCLOAK = TestKeycloak.shared();

    @LocalServerPort int port;

    private TestUser user;
    private RegisteredApp app;

    @DynamicPropertySource
    static void keycloakAndDatabase(DynamicPropertyRegistry registry) {
        registry.add("fittrackee.database.url", TestDatabase::url);
        registry.add("fittrackee.issuer-url", KEYCLOAK::realmUrl);
    }

    @BeforeEach
    void registerAnApp() {
        user = new AdminApi(KEYCLOAK).createUser();
        String firstParty = new FittrackeeOAuth(KEYCLOAK).firstPartyToken(user);
        app =
                new AppsApiClient(KEYCLOAK)
                        .registerApp(firstParty, "workouts:read workouts:write", REDIRECT_URI);
    }

    @Test
    void aTokenWithWorkoutsReadListsWorkoutsButCannotCreateOne() {
        String token = accessToken("workouts:read");

        Answer listed = api(HttpJson.get(url("/api/workouts")), token);
        Answer created = api(HttpJson.postJson(url("/api/workouts/no_gpx"), NEW_WORKOUT), token);

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("status").asText()).isEqualTo("success");
        assertThat(created.status()).isEqualTo(403);
        assertThat(created.json().get("error").asText()).isEqualTo("insufficient_scope");
        assertThat(created.header("WWW-Authenticate")).contains("insufficient_scope");
    }

    @Test
    void aTokenWithWorkoutsWriteCreatesAWorkout() {
        String token = accessToken("workouts:write");

        Answer created = api(HttpJson.postJson(url("/api/workouts/no_gpx"), NEW_WORKOUT), token);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode workout = created.json().get("data").get("workouts").get(0);
        assertThat(workout.get("user").get("username").asText()).isEqualTo(user.username());
        assertThat(api(HttpJson.get(url("/api/workouts")), token).status()).isEqualTo(403);
    }

    @Test
    void aFirstPartyTokenMayCallEveryScopedEndpoint() {
        String token = new FittrackeeOAuth(KEYCLOAK).firstPartyToken(user);

        assertThat(api(HttpJson.postJson(url("/api/workouts/no_gpx"), NEW_WORKOUT), token).status())
                .isEqualTo(201);
        assertThat(api(HttpJson.get(url("/api/workouts")), token).status()).isEqualTo(200);
        assertThat(api(HttpJson.get(url("/api/records")), token).status()).isEqualTo(200);
    }

    @Test
    void aTamperedTokenIsAnInvalidToken() {
        String token = accessToken("workouts:read");
        String tampered = token.substring(0, token.length() - 4) + "AAAA";

        Answer refused = api(HttpJson.get(url("/api/workouts")), tampered);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenOfAnotherAudienceIsAnInvalidToken() {
        Answer adminToken =
                HttpJson.send(
                        HttpJson.postForm(
                                KEYCLOAK.baseUrl() + "/realms/master/protocol/openid-connect/token",
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "admin-cli",
                                        "username",
                                        KEYCLOAK.adminUsername(),
                                        "password",
                                        KEYCLOAK.adminPassword())));
        String foreign = adminToken.json().get("access_token").asText();

        assertThat(api(HttpJson.get(url("/api/workouts")), foreign).status()).isEqualTo(401);
    }

    @Test
    void noTokenIsFittrackeesUnauthorized() {
        Answer refused = HttpJson.send(HttpJson.get(url("/api/workouts")));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asText()).isEqualTo("provide a valid auth token");
    }

    private String accessToken(String scope) {
        return new ThirdPartyFlow(KEYCLOAK).tokenFor(user, app, scope).get("access_token").asText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Answer api(HttpRequest.Builder request, String token) {
        return HttpJson.send(request.header("Authorization", "Bearer " + token));
    }
}
