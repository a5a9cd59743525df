package org.fittrackee.keycloak.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fittrackee.keycloak.testing.AdminApi.TestUser;
import org.fittrackee.keycloak.testing.AppsApiClient;
import org.fittrackee.keycloak.testing.Browser;
import org.fittrackee.keycloak.testing.HttpJson;
import org.fittrackee.keycloak.testing.HttpJson.Answer;
import org.fittrackee.keycloak.testing.KeycloakScenarios;
import org.fittrackee.keycloak.testing.RegisteredApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FitTrackee's {@code /api/oauth/apps} on a real Keycloak with our providers. */
public abstract class AppsApiScenarios extends KeycloakScenarios {

    private static final String REDIRECT_URI = "https://sync.example.org/callback";

    private TestUser user;
    private String token;

    @BeforeEach
    void logInAUser() {
        user = admin().createUser();
        token = oauth().firstPartyToken(user);
    }

    @Test
    void everyRouteWithoutATokenIsUnauthorizedInFittrackeeFormat() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);

        List<Answer> answers = callEveryRoute(null, app);

        for (Answer answer : answers) {
            assertUnauthorized(answer);
        }
    }

    @Test
    void anInvalidTokenIsUnauthorized() {
        assertUnauthorized(appsApi().list("invalid", null));
    }

    @Test
    void aThirdPartyTokenIsUnauthorizedOnEveryRouteAndChangesNothing() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        JsonNode thirdParty = authorizeAndExchange(user, app, "workouts:read");
        String thirdPartyToken = thirdParty.get("access_token").asText();
        int clientsBefore = admin().clientCount();

        List<Answer> answers = callEveryRoute(thirdPartyToken, app);

        for (Answer answer : answers) {
            assertUnauthorized(answer);
        }
        assertThat(admin().clientCount()).isEqualTo(clientsBefore);
        assertThat(appsApi().getById(token, app.id()).status()).isEqualTo(200);
        assertThat(oauth().isActive(thirdPartyToken)).isTrue();
        Answer refreshedWithTheOldSecret =
                oauth().refresh(app, thirdParty.get("refresh_token").asText());
        assertThat(refreshedWithTheOldSecret.status()).isEqualTo(200);
    }

    @Test
    void nonNumericIdsAreNotFound() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);

        for (String id : List.of("abc", "1.5", "-1", "99999999999999999999", "1e3", "%20")) {
            assertNotFound(appsApi().send(token, "GET", id + "/by_id"));
            assertNotFound(appsApi().send(token, "DELETE", id));
            assertNotFound(appsApi().send(token, "POST", id + "/revoke"));
            assertNotFound(appsApi().send(token, "POST", id + "/regenerate_secret"));
        }
        assertThat(appsApi().getById(token, app.id()).status()).isEqualTo(200);
    }

    @Test
    void malformedAuthorizationHeadersAreUnauthorizedInFittrackeeFormat() {
        List<String> headers =
                List.of(
                        "Basic dXNlcjpwYXNzd29yZA==",
                        "Bearer",
                        "Bearer ",
                        "Bearer  " + token,
                        "bearer x",
                        "Bearer x y",
                        "Token " + token,
                        token,
                        "Bearer " + "a".repeat(8000));

        for (String header : headers) {
            Answer answer =
                    HttpJson.send(
                            HttpJson.get(appsApi().appsUrl()).header("Authorization", header));
            assertUnauthorized(answer);
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        Answer answer =
                HttpJson.send(
                        HttpJson.get(appsApi().appsUrl())
                                .header("Authorization", "bearer " + token));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void aHeaderTooLargeForTheServerGetsAClientError() {
        Answer answer =
                HttpJson.send(
                        HttpJson.get(appsApi().appsUrl())
                                .header("Authorization", "Bearer " + "a".repeat(100_000)));

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
    }

    @Test
    void aDisabledUsersFirstPartyTokenIsUnauthorized() {
        admin().setUserEnabled(user.id(), false);

        assertUnauthorized(appsApi().list(token, null));
        assertUnauthorized(
                appsApi()
                        .register(
                                token, AppsApiClient.registration("workouts:read", REDIRECT_URI)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_types", "response_types", "token_endpoint_auth_method"})
    void clientSentOAuthSettingsAreIgnored(String key) {
        Map<String, Object> registration =
                new LinkedHashMap<>(AppsApiClient.registration("workouts:read", REDIRECT_URI));
        registration.put(
                key,
                switch (key) {
                    case "grant_types" -> List.of("implicit", "password", "client_credentials");
                    case "response_types" -> List.of("token", "id_token");
                    default -> "none";
                });

        Answer created = appsApi().register(token, registration);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode app = created.json().get("data").get("client");
        assertThat(app.has(key)).isFalse();
        JsonNode client = admin().findClient(app.get("client_id").asText());
        assertConfidentialWithTheCodeFlowOnly(client);
    }

    @Test
    void controlCharactersAreRefusedAndCreateNothing() {
        int clientsBefore = admin().clientCount();
        String nul = "\\u0000";
        List<String> bodies =
                List.of(
                        HttpJsonBodies.registration(
                                "a" + nul + "b", "https://a.example", "[\"https://a.example\"]"),
                        HttpJsonBodies.registration(
                                "a", "https://a.example/" + nul, "[\"https://a.example\"]"),
                        HttpJsonBodies.registration(
                                "a", "https://a.example", "[\"https://a.example/" + nul + "\"]"),
                        HttpJsonBodies.registration(
                                        "a", "https://a.example", "[\"https://a.example\"]")
                                .replace("{", "{\"client_description\":\"x" + nul + "\","),
                        HttpJsonBodies.registration(
                                "a\\u001b[31m", "https://a.example", "[\"https://a.example\"]"));

        for (String body : bodies) {
            Answer refused = appsApi().register(token, body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
            assertThat(refused.json().get("status").asText()).isEqualTo("error");
            assertThat(refused.json().get("message").asText())
                    .startsWith("OAuth2 client invalid ")
                    .contains("control characters")
                    .doesNotContain("\u0000");
        }
        assertThat(admin().clientCount()).isEqualTo(clientsBefore);
    }

    @Test
    void registeringAnAppReturnsItsSecretOnlyOnce() {
        Answer created =
                appsApi()
                        .register(token, AppsApiClient.registration("workouts:read", REDIRECT_URI));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("created");
        JsonNode client = created.json().get("data").get("client");
        assertThat(client.get("client_id").asText()).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(client.get("client_secret").asText()).hasSize(48).matches("[A-Za-z0-9]+");
        assertThat(client.get("id").asLong()).isPositive();
        assertThat(client.get("name").asText()).isEqualTo("Workout sync");
        assertThat(client.get("website").asText()).isEqualTo("https://sync.example.org");
        assertThat(client.get("client_description").asText())
                .isEqualTo("Copies workouts to a spreadsheet");
        assertThat(client.get("redirect_uris").get(0).asText()).isEqualTo(REDIRECT_URI);
        assertThat(client.get("scope").asText()).isEqualTo("workouts:read");
        assertThat(client.get("issued_at").asText()).endsWith(" GMT");
        assertThat(created.header("Cache-Control")).contains("no-store");

        Answer read = appsApi().getByClientId(token, client.get("client_id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("data").get("client").has("client_secret")).isFalse();
    }

    @Test
    void anAppIsAConfidentialClientWithOnlyItsRegisteredScopes() {
        RegisteredApp app =
                appsApi().registerApp(token, "workouts:write workouts:read", REDIRECT_URI);

        JsonNode client = admin().findClient(app.clientId());
        assertConfidentialWithTheCodeFlowOnly(client);
        assertThat(client.get("consentRequired").asBoolean()).isTrue();
        assertThat(client.get("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(client.get("redirectUris").findValuesAsText("redirectUris")).isEmpty();
        assertThat(HttpJson.textsOf(client.get("redirectUris"))).containsExactly(REDIRECT_URI);
        assertThat(HttpJson.textsOf(client.get("webOrigins"))).isEmpty();
        assertThat(client.get("attributes").get(AppClients.OWNER).asText()).isEqualTo(user.id());
        assertThat(client.get("attributes").get(AppClients.APP_MARKER).asText()).isEqualTo("true");

        assertThat(admin().defaultClientScopesOf(app.clientId()))
                .containsExactlyInAnyOrder("basic", "fittrackee-api-audience", "offline_access");
        assertThat(admin().optionalClientScopesOf(app.clientId()))
                .containsExactlyInAnyOrder("workouts:write", "workouts:read");
    }

    @Test
    void emptyMetadataIsRefused() {
        assertBadRequest(appsApi().register(token, "{}"), "OAuth2 client metadata missing");
        assertBadRequest(appsApi().register(token, ""), "OAuth2 client metadata missing");
        assertBadRequest(appsApi().register(token, "[]"), "OAuth2 client metadata missing");
    }

    @Test
    void eachMissingKeyIsNamedInFittrackeesOrder() {
        Map<String, Object> complete = AppsApiClient.registration("workouts:read", REDIRECT_URI);
        for (String key : List.of("client_name", "client_uri", "redirect_uris", "scope")) {
            Map<String, Object> incomplete = new LinkedHashMap<>(complete);
            incomplete.remove(key);

            assertBadRequest(
                    appsApi().register(token, incomplete),
                    "OAuth2 client metadata missing keys: " + key);
        }

        assertBadRequest(
                appsApi().register(token, Map.of("client_description", "only this")),
                "OAuth2 client metadata missing keys: client_name, client_uri, redirect_uris,"
                        + " scope");
    }

    @Test
    void aScopeWithNoFittrackeeScopeIsRefused() {
        List<Object> invalidScopes = List.of("", "invalid_scope", 1, List.of("workouts:read"));
        for (Object scope : invalidScopes) {
            Map<String, Object> registration =
                    new LinkedHashMap<>(AppsApiClient.registration("x", REDIRECT_URI));
            registration.put("scope", scope);

            assertBadRequest(
                    appsApi().register(token, registration), "OAuth2 client invalid scopes");
        }
    }

    @Test
    void unknownScopesAreDroppedAndTheOthersKeepTheirOrder() {
        Answer created =
                appsApi()
                        .register(
                                token,
                                AppsApiClient.registration(
                                        "profile:write bad profile:read", REDIRECT_URI));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("data").get("client").get("scope").asText())
                .isEqualTo("profile:write profile:read");
    }

    @Test
    void onlyAnAdminCanRegisterApplicationWrite() {
        int clientsBefore = admin().clientCount();
        Answer refused =
                appsApi()
                        .register(
                                token,
                                AppsApiClient.registration("application:write", REDIRECT_URI));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).isEqualTo("you do not have permissions");
        assertThat(admin().clientCount()).isEqualTo(clientsBefore);

        TestUser adminUser = admin().createUser("admin");
        String adminToken = oauth().firstPartyToken(adminUser);
        Answer created =
                appsApi()
                        .register(
                                adminToken,
                                AppsApiClient.registration("application:write", REDIRECT_URI));
        assertThat(created.status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://sync.example.org/callback",
                "javascript:alert(1)",
                "https://sync.example.org/*",
                "https://sync.example.org/callback#fragment",
                "/callback",
                "https://user@sync.example.org/callback",
                "myapp:/callback",
                "not a uri"
            })
    void aRedirectUriOutsideTheRulesIsRefused(String redirectUri) {
        Answer refused =
                appsApi().register(token, AppsApiClient.registration("workouts:read", redirectUri));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("status").asText()).isEqualTo("error");
        assertThat(refused.json().get("message").asText())
                .startsWith("OAuth2 client invalid redirect URI");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sync.example.org/callback?from=fittrackee",
                "http://localhost:8000/callback",
                "http://127.0.0.1/callback",
                "http://[::1]:9000/callback",
                "org.example.sync:/oauth/callback"
            })
    void aRedirectUriWithinTheRulesIsAccepted(String redirectUri) {
        Answer created =
                appsApi().register(token, AppsApiClient.registration("workouts:read", redirectUri));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void malformedOrHostileBodiesAreRefusedAndCreateNothing() {
        int clientsBefore = admin().clientCount();
        String longName = "n".repeat(256);
        List<String> bodies =
                List.of(
                        "{\"client_name\": ",
                        "not json",
                        "{\"client_name\":\"a\",\"client_name\":\"b\",\"client_uri\":"
                                + "\"https://a.example\",\"redirect_uris\":[\"https://a.example\"],"
                                + "\"scope\":\"workouts:read\"}",
                        HttpJsonBodies.registration(
                                longName, "https://a.example", "[\"https://a.example\"]"),
                        HttpJsonBodies.registration(
                                "a", "javascript:alert(1)", "[\"https://a.example\"]"),
                        HttpJsonBodies.registration(
                                "a", "https://a.example", "\"https://a.example\""),
                        HttpJsonBodies.registration("a", "https://a.example", "[]"),
                        HttpJsonBodies.registration("a", "https://a.example", "[1]"),
                        HttpJsonBodies.registration(
                                "", "https://a.example", "[\"https://a.example\"]"),
                        HttpJsonBodies.registration(
                                "a",
                                "https://a.example",
                                "[\"https://a.example/" + "p".repeat(300) + "\"]"),
                        HttpJsonBodies.registration(
                                "a",
                                "https://a.example/" + "p".repeat(240),
                                "[\"https://a.example\"]"),
                        HttpJsonBodies.registration(
                                        "a", "https://a.example", "[\"https://a.example\"]")
                                .replace(
                                        "{",
                                        "{\"client_description\":\"" + "d".repeat(256) + "\","));

        for (String body : bodies) {
            Answer refused = appsApi().register(token, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("status").asText()).isEqualTo("error");
            assertThat(refused.json().get("message").asText()).isNotBlank();
        }
        assertThat(admin().clientCount()).isEqualTo(clientsBefore);
    }

    @Test
    void anUnpairedSurrogateNeverCausesAServerError() {
        String body =
                HttpJsonBodies.registration(
                        "a\\ud800b", "https://a.example", "[\"https://a.example\"]");

        Answer answer = appsApi().register(token, body);

        assertThat(answer.status()).as(answer.toString()).isIn(201, 400);
    }

    @Test
    void aSuspendedUserCannotRegisterButCanReadAndManageApps() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        admin().addRealmRole(user.id(), "suspended");

        Answer refused =
                appsApi()
                        .register(token, AppsApiClient.registration("workouts:read", REDIRECT_URI));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText())
                .isEqualTo("you do not have permissions, your account is suspended");

        Answer listed = appsApi().list(token, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("data").get("clients")).hasSize(1);
        assertThat(pagination(listed)).containsExactly(false, false, 1, 1, 1);
        assertThat(appsApi().getById(token, app.id()).status()).isEqualTo(200);
        assertThat(appsApi().revokeAll(token, app.id()).status()).isEqualTo(200);
        assertThat(appsApi().delete(token, app.id()).status()).isEqualTo(204);
    }

    @Test
    void aUserWithoutAppsGetsAnEmptyList() {
        Answer listed = appsApi().list(token, null);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("status").asText()).isEqualTo("success");
        assertThat(listed.json().get("data").get("clients")).isEmpty();
        assertThat(pagination(listed)).containsExactly(false, false, 1, 0, 0);
    }

    @Test
    void appsAreListedFiveAPageNewestFirst() {
        List<Long> createdIds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            createdIds.add(appsApi().registerApp(token, "workouts:read", REDIRECT_URI).id());
        }

        Answer first = appsApi().list(token, null);
        assertThat(idsOf(first))
                .containsExactly(
                        createdIds.get(6),
                        createdIds.get(5),
                        createdIds.get(4),
                        createdIds.get(3),
                        createdIds.get(2));
        assertThat(pagination(first)).containsExactly(true, false, 1, 2, 7);

        Answer second = appsApi().list(token, "2");
        assertThat(idsOf(second)).containsExactly(createdIds.get(1), createdIds.get(0));
        assertThat(pagination(second)).containsExactly(false, true, 2, 2, 7);

        Answer pastTheEnd = appsApi().list(token, "3");
        assertThat(idsOf(pastTheEnd)).isEmpty();
    }

    @Test
    void aPageThatIsNotAPositiveIntegerIsRefused() {
        for (String page : List.of("abc", "0", "-1", "1.5", "99999999999")) {
            assertBadRequest(appsApi().list(token, page), "page must be a positive integer");
        }
    }

    @Test
    void anotherUsersAppIsNotFoundOnEveryRouteAndStaysIntact() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        TestUser otherUser = admin().createUser("admin");
        String otherToken = oauth().firstPartyToken(otherUser);

        assertThat(idsOf(appsApi().list(otherToken, null))).isEmpty();
        assertNotFound(appsApi().getByClientId(otherToken, app.clientId()));
        assertNotFound(appsApi().getById(otherToken, app.id()));
        assertNotFound(appsApi().delete(otherToken, app.id()));
        assertNotFound(appsApi().revokeAll(otherToken, app.id()));
        assertNotFound(appsApi().regenerateSecret(otherToken, app.id()));

        assertThat(appsApi().getById(token, app.id()).status()).isEqualTo(200);
        assertThat(oauth().refresh(app, "unused").status()).isEqualTo(400);
    }

    @Test
    void anUnknownAppIsNotFound() {
        assertNotFound(appsApi().getByClientId(token, "unknown"));
        assertNotFound(appsApi().getByClientId(token, "fittrackee-web"));
        assertNotFound(appsApi().getById(token, 999));
        assertNotFound(appsApi().delete(token, 999));
        assertNotFound(appsApi().revokeAll(token, 999));
    }

    @Test
    void revokingAllTokensEndsEveryTokenOfTheAppAndOnlyOfThatApp() throws InterruptedException {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        RegisteredApp otherApp = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        TestUser secondUser = admin().createUser();
        List<JsonNode> appTokens =
                List.of(
                        authorizeAndExchange(user, app, "workouts:read"),
                        authorizeAndExchange(user, app, "workouts:read"),
                        authorizeAndExchange(secondUser, app, "workouts:read"));
        JsonNode otherAppToken = authorizeAndExchange(user, otherApp, "workouts:read");
        waitForTheNextSecond();

        Answer revoked = appsApi().revokeAll(token, app.id());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("success");
        for (JsonNode appToken : appTokens) {
            assertThat(oauth().isActive(appToken.get("access_token").asText())).isFalse();
            assertThat(refreshError(app, appToken)).isEqualTo("invalid_grant");
        }
        assertThat(oauth().isActive(otherAppToken.get("access_token").asText())).isTrue();
        assertThat(oauth().refresh(otherApp, otherAppToken.get("refresh_token").asText()).status())
                .isEqualTo(200);
    }

    @Test
    void anAppCanBeAuthorizedAgainAfterItsTokensWereRevoked() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        authorizeAndExchange(user, app, "workouts:read");
        appsApi().revokeAll(token, app.id());

        JsonNode renewed = authorizeAndExchange(user, app, "workouts:read");

        assertThat(oauth().isActive(renewed.get("access_token").asText())).isTrue();
    }

    @Test
    void revokingAllTokensEndsTheBrowserSessionsLeftWithoutClients() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        Map<String, String> query = authorizationQuery(app, "workouts:read", "s", null);
        Browser browser = new Browser(keycloak());
        Browser.Page back = browser.accept(openAuthorization(browser, user, query));
        assertThat(
                        oauth().exchangeCode(app, back.appRedirectParameter("code"), null, null)
                                .status())
                .isEqualTo(200);

        appsApi().revokeAll(token, app.id());

        Browser.Page again = browser.open(oauth().authorizeUrl(query));
        assertThat(again.isLoginPage()).as(again.body()).isTrue();
    }

    @Test
    void anotherUsersRevokeAllRevokesNothing() throws InterruptedException {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        JsonNode appToken = authorizeAndExchange(user, app, "workouts:read");
        String otherToken = oauth().firstPartyToken(admin().createUser());
        waitForTheNextSecond();

        assertNotFound(appsApi().revokeAll(otherToken, app.id()));

        assertThat(oauth().isActive(appToken.get("access_token").asText())).isTrue();
        assertThat(oauth().refresh(app, appToken.get("refresh_token").asText()).status())
                .isEqualTo(200);
    }

    @Test
    void deletingAnAppRemovesItsClientAndEndsItsTokens() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        RegisteredApp otherApp = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        JsonNode appToken = authorizeAndExchange(user, app, "workouts:read");
        JsonNode otherAppToken = authorizeAndExchange(user, otherApp, "workouts:read");
        String unusedCode =
                authorizationCode(user, authorizationQuery(app, "workouts:read", "s", null));

        Answer deleted = appsApi().delete(token, app.id());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertNotFound(appsApi().getById(token, app.id()));
        assertThat(admin().findClient(app.clientId())).isNull();
        assertThat(oauth().isActive(appToken.get("access_token").asText())).isFalse();
        assertThat(oauth().refresh(app, appToken.get("refresh_token").asText()).status())
                .isIn(400, 401);
        assertThat(oauth().isActive(otherAppToken.get("access_token").asText())).isTrue();
        assertThat(oauth().refresh(otherApp, otherAppToken.get("refresh_token").asText()).status())
                .isEqualTo(200);
        Answer exchange = oauth().exchangeCode(app, unusedCode, null, null);
        assertThat(exchange.status()).as(exchange.toString()).isEqualTo(401);
        assertThat(exchange.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void deletingAUserDeletesTheirAppsAndOnlyTheirs() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        TestUser otherUser = admin().createUser();
        RegisteredApp otherUsersApp =
                appsApi()
                        .registerApp(
                                oauth().firstPartyToken(otherUser), "workouts:read", REDIRECT_URI);

        admin().deleteUser(user.id());

        assertThat(admin().findClient(app.clientId())).isNull();
        assertThat(admin().findClient(otherUsersApp.clientId())).isNotNull();
    }

    @Test
    void regeneratingTheSecretShowsTheNewOneOnceAndStopsTheOldOne() {
        RegisteredApp app = appsApi().registerApp(token, "workouts:read", REDIRECT_URI);
        JsonNode appToken = authorizeAndExchange(user, app, "workouts:read");

        Answer regenerated = appsApi().regenerateSecret(token, app.id());

        assertThat(regenerated.status()).isEqualTo(200);
        assertThat(regenerated.header("Cache-Control")).contains("no-store");
        String newSecret =
                regenerated.json().get("data").get("client").get("client_secret").asText();
        assertThat(newSecret).hasSize(48).isNotEqualTo(app.secret());
        String refreshToken = appToken.get("refresh_token").asText();
        assertThat(oauth().refresh(app, refreshToken).status()).isEqualTo(401);
        assertThat(oauth().refresh(app.withSecret(newSecret), refreshToken).status())
                .isEqualTo(200);
        assertThat(
                        appsApi()
                                .getById(token, app.id())
                                .json()
                                .get("data")
                                .get("client")
                                .has("client_secret"))
                .isFalse();
    }

    @Test
    void unsupportedMethodsAndUnknownRoutesAreClientErrors() {
        String appsUrl = appsApi().appsUrl();
        List<Answer> answers =
                List.of(
                        HttpJson.send(
                                withToken(
                                        HttpJson.postJson(appsUrl, "{}")
                                                .method("PUT", BodyPublishers.ofString("{}")))),
                        HttpJson.send(withToken(HttpJson.get(appsUrl + "/1/by_id/extra"))),
                        HttpJson.send(withToken(HttpJson.get(appsUrl + "/1/revoke"))),
                        HttpJson.send(withToken(HttpJson.get(appsUrl).DELETE())));

        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        }
    }

    @Test
    void aVeryLargeBodyIsRefusedWithoutCreatingAnything() {
        int clientsBefore = admin().clientCount();
        String huge =
                "{\"client_name\":\""
                        + "x".repeat(2_000_000)
                        + "\",\"client_uri\":"
                        + "\"https://a.example\",\"redirect_uris\":[\"https://a.example\"],"
                        + "\"scope\":\"workouts:read\"}";

        Answer refused = appsApi().register(token, huge);

        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(admin().clientCount()).isEqualTo(clientsBefore);
    }

    @Test
    void aRegistrationSentAsPlainTextIsReadAsJson() {
        String body = HttpJson.toJson(AppsApiClient.registration("workouts:read", REDIRECT_URI));

        Answer created =
                HttpJson.send(
                        withToken(
                                HttpJson.postJson(appsApi().appsUrl(), body)
                                        .setHeader("Content-Type", "text/plain")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** Calls each route of the apps API once with the bearer token (none when null). */
    private List<Answer> callEveryRoute(String bearer, RegisteredApp app) {
        return List.of(
                appsApi().list(bearer, null),
                appsApi()
                        .register(
                                bearer, AppsApiClient.registration("workouts:read", REDIRECT_URI)),
                appsApi().getByClientId(bearer, app.clientId()),
                appsApi().getById(bearer, app.id()),
                appsApi().delete(bearer, app.id()),
                appsApi().revokeAll(bearer, app.id()),
                appsApi().regenerateSecret(bearer, app.id()));
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private String refreshError(RegisteredApp app, JsonNode token) {
        Answer refreshed = oauth().refresh(app, token.get("refresh_token").asText());
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(400);
        return refreshed.json().get("error").asText();
    }

    /** Keycloak's not-before check has one-second granularity and is strict. */
    private static void waitForTheNextSecond() throws InterruptedException {
        Thread.sleep(1100);
    }

    /** A confidential client with a secret, allowed the authorization code flow alone. */
    private static void assertConfidentialWithTheCodeFlowOnly(JsonNode client) {
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("clientAuthenticatorType").asText()).isEqualTo("client-secret");
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isFalse();
    }

    private static void assertUnauthorized(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.json().get("status").asText()).isEqualTo("error");
        assertThat(answer.json().get("message").asText()).isEqualTo("provide a valid auth token");
    }

    private static void assertBadRequest(Answer answer, String message) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("status").asText()).isEqualTo("error");
        assertThat(answer.json().get("message").asText()).isEqualTo(message);
    }

    private static void assertNotFound(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.json().get("status").asText()).isEqualTo("not found");
        assertThat(answer.json().get("message").asText()).isEqualTo("OAuth2 client not found");
    }

    private static List<Object> pagination(Answer answer) {
        JsonNode pagination = answer.json().get("pagination");
        return List.of(
                pagination.get("has_next").asBoolean(),
                pagination.get("has_prev").asBoolean(),
                pagination.get("page").asInt(),
                pagination.get("pages").asInt(),
                pagination.get("total").asInt());
    }

    private static List<Long> idsOf(Answer answer) {
        List<Long> ids = new ArrayList<>();
        answer.json()
                .get("data")
                .get("clients")
                .forEach(client -> ids.add(client.get("id").asLong()));
        return ids;
    }

    /** Raw registration bodies, for values a map would not let us send. */
    private static final class HttpJsonBodies {

        static String registration(String name, String website, String redirectUrisJson) {
            return "{\"client_name\":\""
                    + name
                    + "\",\"client_uri\":\""
                    + website
                    + "\",\"redirect_uris\":"
                    + redirectUrisJson
                    + ",\"scope\":\"workouts:read\"}";
        }
    }
}
