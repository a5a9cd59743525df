package org.fittrackee.api.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
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
        // Expiry is checked to the second here, so that a token made to expire soon does.
        registry.add("fittrackee.clock-skew", () -> "0s");
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
                AdminApi.adminCliLogin(
                        KEYCLOAK.baseUrl() + "/realms/master",
                        KEYCLOAK.adminUsername(),
                        KEYCLOAK.adminPassword());
        String foreign = adminToken.json().get("access_token").asText();

        assertThat(api(HttpJson.get(url("/api/workouts")), foreign).status()).isEqualTo(401);
    }

    @Test
    void noTokenIsFittrackeesUnauthorized() {
        Answer refused = HttpJson.send(HttpJson.get(url("/api/workouts")));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asText()).isEqualTo("provide a valid auth token");
    }

    @Test
    void aSuspendedUsersRealTokenIsRefusedExceptWhereFittrackeeLetsSuspendedUsersIn() {
        JsonNode tokens = new ThirdPartyFlow(KEYCLOAK).tokenFor(user, app, "workouts:read");
        new AdminApi(KEYCLOAK).addRealmRole(user.id(), "suspended");
        String suspended =
                new FittrackeeOAuth(KEYCLOAK)
                        .refresh(app, tokens.get("refresh_token").asText())
                        .json()
                        .get("access_token")
                        .asText();

        Answer workouts = api(HttpJson.get(url("/api/workouts")), suspended);
        Answer sports = api(HttpJson.get(url("/api/sports")), suspended);

        assertThat(FittrackeeOAuth.claimsOf(suspended).get("realm_access").toString())
                .contains("suspended");
        assertThat(workouts.status()).as(workouts.toString()).isEqualTo(403);
        assertThat(workouts.json().get("message").asText())
                .isEqualTo("you do not have permissions, your account is suspended");
        assertThat(sports.status()).as(sports.toString()).isEqualTo(200);
    }

    @Test
    void anAdminsRealTokenPassesTheAdminRuleAndAUsersDoesNot() {
        TestUser admin = new AdminApi(KEYCLOAK).createUser("admin");
        RegisteredApp adminApp =
                new AppsApiClient(KEYCLOAK)
                        .registerApp(
                                new FittrackeeOAuth(KEYCLOAK).firstPartyToken(admin),
                                "workouts:read workouts:write",
                                REDIRECT_URI);
        String adminToken =
                new ThirdPartyFlow(KEYCLOAK)
                        .tokenFor(admin, adminApp, "workouts:write")
                        .get("access_token")
                        .asText();
        String userToken = accessToken("workouts:write");
        String activate = "{\"is_active\": true}";

        Answer byAdmin = api(patchJson(url("/api/sports/1"), activate), adminToken);
        Answer byUser = api(patchJson(url("/api/sports/1"), activate), userToken);

        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.json().get("data").get("sports").get(0).get("is_active").asBoolean())
                .isTrue();
        assertThat(byUser.status()).isEqualTo(403);
        assertThat(byUser.json().get("message").asText()).isEqualTo("you do not have permissions");
    }

    @Test
    void anExpiredRealTokenIsAnInvalidTokenWithOAuthsExactAnswer() throws Exception {
        AdminApi admin = new AdminApi(KEYCLOAK);
        JsonNode client = admin.findClient(app.clientId());
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes"))
                .put("access.token.lifespan", "1");
        Answer updated =
                admin.send(
                        HttpJson.postJson(admin.clientUrl(client), client)
                                .method(
                                        "PUT",
                                        HttpRequest.BodyPublishers.ofString(
                                                HttpJson.toJson(client))));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        String token = accessToken("workouts:read");
        long expiry = FittrackeeOAuth.claimsOf(token).get("exp").asLong();

        // The token's own expiry has to pass; no assertion is made on how long that takes.
        while (System.currentTimeMillis() / 1000 <= expiry) {
            Thread.sleep(200);
        }
        Answer refused = api(HttpJson.get(url("/api/workouts")), token);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body())
                .isEqualTo(
                        "{\"error\":\"invalid_token\",\"error_description\":\"The access token"
                                + " provided is expired, revoked, malformed, or invalid for other"
                                + " reasons.\"}");
        assertThat(refused.header("WWW-Authenticate"))
                .isEqualTo(
                        "Bearer error=\"invalid_token\", error_description=\"The access token"
                                + " provided is expired, revoked, malformed, or invalid for other"
                                + " reasons.\"");
    }

    @Test
    void aTokenOfTheSameRealmForAnotherAudienceIsAnInvalidToken() {
        Answer issued =
                AdminApi.adminCliLogin(KEYCLOAK.realmUrl(), user.username(), user.password());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String foreign = issued.json().get("access_token").asText();
        JsonNode claims = FittrackeeOAuth.claimsOf(foreign);

        Answer refused = api(HttpJson.get(url("/api/workouts")), foreign);

        assertThat(claims.get("iss").asText()).isEqualTo(KEYCLOAK.realmUrl());
        assertThat(String.valueOf(claims.get("aud"))).doesNotContain("fittrackee-api");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void aStaleTokenDoesNotStopAnAppReadingTheVersion() {
        String token = accessToken("workouts:read");
        String stale = token.substring(0, token.length() - 4) + "AAAA";

        Answer config = api(HttpJson.get(url("/api/config")), stale);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("data").get("version").asText()).isEqualTo("1.2.2");
    }

    private static HttpRequest.Builder patchJson(String url, String json) {
        return HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
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
