package org.fittrackee.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fittrackee.keycloak.testing.AdminApi;
import org.fittrackee.keycloak.testing.AppsApiClient;
import org.fittrackee.keycloak.testing.HttpJson;
import org.fittrackee.keycloak.testing.RegisteredApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The product as its users meet it: the whole stack started with {@code ./mvnw -Pstack package} as
 * the README says, a user who logs in and answers the consent page in a real Chromium, and a
 * third-party app written with the Nimbus OAuth SDK that knows only the public base URL. One stack
 * serves the whole class and is stopped with Ctrl-C at the end; each test has a user and a browser
 * of its own, so that no login or stored consent carries over.
 */
class ThirdPartyAppE2EIT {

    private static final Scope WORKOUTS_READ = new Scope("workouts:read");
    private static final String APP_NAME = "Workout sync";
    private static final String WORKOUTS_READ_TEXT =
            "Read your workouts, sports, records and statistics";
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(30);

    private static ProductStack stack;
    private static LoopbackCallback callback;
    private static ThirdPartyApp app;

    @BeforeAll
    static void startTheProductAndRegisterTheApp() throws Exception {
        // Without a browser every test is skipped (below, each with the reason, which a skip
        // here would not report); starting the stack would be two minutes for nothing.
        if (!ChromiumBrowser.isInstalled()) {
            return;
        }
        stack = ProductStack.start("scenarios", Map.of());
        callback = LoopbackCallback.start();

        AdminApi.TestUser owner = stack.admin().createUser();
        AccessToken ownerToken;
        try (ChromiumBrowser browser = ChromiumBrowser.start()) {
            ownerToken = new FirstPartyClient(stack).signIn(browser, owner);
        }
        app = register(ownerToken);
    }

    @AfterAll
    static void stopTheProductWithCtrlC() throws Exception {
        if (callback != null) {
            callback.close();
        }
        if (stack != null) {
            ProductStack.Stopped stopped = stack.stopLikeCtrlC();
            assertThat(stopped.processesLeft()).as("processes left by Ctrl-C").isEmpty();
            assertThat(stopped.busyPorts()).as("ports still in use after Ctrl-C").isEmpty();
        }
    }

    @BeforeEach
    void skipWithoutChromiumAndForgetEarlierAnswers() {
        ChromiumBrowser.assumeInstalled();
        callback.clear();
    }

    @Test
    void theUserLogsInAuthorizesTheAppOnTheConsentPageAndTheAppGetsACodeWithItsState()
            throws Exception {
        ThirdPartyApp.Authorization authorization = app.authorize(WORKOUTS_READ);
        AdminApi.TestUser user = stack.admin().createUser();

        try (ChromiumBrowser browser = ChromiumBrowser.start()) {
            browser.open(authorization.url());
            browser.await("kc-form-login");
            Path login = browser.screenshot("login-page");
            browser.logIn(user);

            browser.await("kc-oauth");
            String appName = browser.await("fittrackee-app-name").getText();
            String scopes = browser.await("fittrackee-scopes").getText();
            Path consent = browser.screenshot("consent-page");
            browser.answerConsent("accept");
            browser.awaitAddressStartingWith(callback.redirectUri().toString());

            assertThat(appName).isEqualTo(APP_NAME);
            assertThat(scopes).isEqualTo(WORKOUTS_READ_TEXT);
            assertThat(login).isNotEmptyFile();
            assertThat(consent).isNotEmptyFile();
        }

        AuthorizationResponse answer = ThirdPartyApp.answerAt(awaitCallback());
        assertThat(answer.indicatesSuccess()).as(answer.toURI().toString()).isTrue();
        assertThat(answer.getState()).isEqualTo(authorization.state());
        assertThat(answer.getIssuer().getValue()).isEqualTo(stack.issuer());
        assertThat(answer.toSuccessResponse().getAuthorizationCode()).isNotNull();
    }

    @Test
    void theAppExchangesTheCodeAndMayReadWorkoutsButNotCreateThem() throws Exception {
        Tokens tokens = authorizedTokens();

        HTTPResponse workouts = app.get("/workouts", tokens.getAccessToken());
        HTTPResponse creation =
                app.postJson(
                        "/workouts/no_gpx",
                        tokens.getAccessToken(),
                        """
                        {"sport_id": 1, "duration": 3600, "distance": 10,
                         "workout_date": "2026-01-01 10:00"}
                        """);

        assertThat(workouts.getStatusCode()).as(workouts.getBody()).isEqualTo(200);
        assertThat(workouts.getBodyAsJSONObject().getAsString("status")).isEqualTo("success");
        assertThat(creation.getStatusCode()).as(creation.getBody()).isEqualTo(403);
        BearerTokenError refusal =
                BearerTokenError.parse(creation.getHeaderValue("WWW-Authenticate"));
        assertThat(refusal.getCode()).isEqualTo(BearerTokenError.INSUFFICIENT_SCOPE.getCode());
        assertThat(creation.getBodyAsJSONObject().getAsString("error"))
                .isEqualTo("insufficient_scope");
    }

    @Test
    void theTokensCarryOnlyTheScopeTheAppRegistered() throws Exception {
        Tokens tokens = authorizedTokens();

        assertThat(tokens.getAccessToken().getScope()).isEqualTo(WORKOUTS_READ);
    }

    @Test
    void refreshingGivesNewTokensAndTheSpentRefreshTokenIsRefused() throws Exception {
        Tokens first = authorizedTokens();

        TokenResponse refreshed = app.refresh(first.getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).isTrue();
        Tokens second = refreshed.toSuccessResponse().getTokens();
        TokenResponse replay = app.refresh(first.getRefreshToken());

        assertThat(second.getAccessToken()).isNotEqualTo(first.getAccessToken());
        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        assertThat(app.get("/workouts", second.getAccessToken()).getStatusCode()).isEqualTo(200);
        assertThat(replay.indicatesSuccess()).isFalse();
        assertThat(replay.toErrorResponse().getErrorObject().getCode())
                .isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
    }

    @Test
    void revokingTheRefreshTokenEndsTheAppsAccess() throws Exception {
        Tokens tokens = authorizedTokens();

        HTTPResponse revocation = app.revoke(tokens.getRefreshToken());
        TokenResponse refresh = app.refresh(tokens.getRefreshToken());

        assertThat(revocation.getStatusCode()).as(revocation.getBody()).isEqualTo(200);
        assertThat(refresh.indicatesSuccess()).isFalse();
        assertThat(refresh.toErrorResponse().getErrorObject().getCode())
                .isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
    }

    @Test
    void cancellingOnTheConsentPageTellsTheAppAccessDeniedWithItsState() throws Exception {
        ThirdPartyApp.Authorization authorization = app.authorize(WORKOUTS_READ);

        AuthorizationResponse answer = answerInBrowser(authorization, "cancel");

        assertThat(answer.indicatesSuccess()).isFalse();
        assertThat(answer.toErrorResponse().getErrorObject().getCode())
                .isEqualTo(OAuth2Error.ACCESS_DENIED.getCode());
        assertThat(answer.getState()).isEqualTo(authorization.state());
    }

    @Test
    void theBaseUrlAloneLeadsAStandardsClientToTheAuthorizationServerAndTheScopes()
            throws Exception {
        ThirdPartyApp.Discovery discovery = ThirdPartyApp.Discovery.from(stack.publicUrl());

        assertThat(discovery.resource()).isEqualTo(stack.publicUrl());
        assertThat(discovery.authorizationServers()).containsExactly(stack.issuer());
        assertThat(discovery.scopesSupported())
                .containsExactlyInAnyOrder(
                        "application:write",
                        "profile:read",
                        "profile:write",
                        "users:read",
                        "users:write",
                        "workouts:read",
                        "workouts:write");
        assertThat(discovery.bearerMethodsSupported()).containsExactly("header");
        assertThat(discovery.authorizationServer().getIssuer().getValue())
                .isEqualTo(stack.issuer());
        assertThat(discovery.atRootPath().getIssuer().getValue()).isEqualTo(stack.issuer());
    }

    @Test
    void aStandardsClientCompletesTheFlowWithTheEndpointsItDiscovered() throws Exception {
        ThirdPartyApp.Discovery discovery = ThirdPartyApp.Discovery.from(stack.publicUrl());
        ThirdPartyApp discovering = app.using(ThirdPartyApp.Endpoints.discovered(discovery));

        Tokens tokens = authorizedTokens(discovering);
        HTTPResponse workouts = discovering.get("/workouts", tokens.getAccessToken());
        HTTPResponse revocation = discovering.revoke(tokens.getRefreshToken());
        TokenResponse refresh = discovering.refresh(tokens.getRefreshToken());

        String tokenIssuer =
                SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet().getIssuer();
        assertThat(tokenIssuer).isEqualTo(discovery.authorizationServer().getIssuer().getValue());
        assertThat(workouts.getStatusCode()).as(workouts.getBody()).isEqualTo(200);
        assertThat(revocation.getStatusCode()).as(revocation.getBody()).isEqualTo(200);
        assertThat(refresh.indicatesSuccess()).isFalse();
    }

    @Test
    void theUserRemovesTheAppsAccessInTheAccountConsoleAndItsRefreshTokenStopsWorking()
            throws Exception {
        ThirdPartyApp.Authorization authorization = app.authorize(WORKOUTS_READ);
        AdminApi.TestUser user = stack.admin().createUser();
        Tokens tokens;
        Path applications;

        try (ChromiumBrowser browser = ChromiumBrowser.start()) {
            AuthorizationResponse answer = answerIn(browser, user, authorization, "accept");
            tokens = exchange(app, authorization, answer);

            // As docs/users.md says: the account console, then Applications.
            browser.open(URI.create(stack.publicUrl() + "/realms/fittrackee/account"));
            browser.click("Applications");
            browser.awaitText(APP_NAME);
            applications = browser.screenshot("account-applications");
            browser.clickId("toggle-" + app.clientId());
            browser.click("Remove access");
            browser.click("Confirm");
            browser.awaitNoText(APP_NAME);
        }
        TokenResponse refresh = app.refresh(tokens.getRefreshToken());

        assertThat(applications).isNotEmptyFile();
        assertThat(refresh.indicatesSuccess()).isFalse();
        assertThat(refresh.toErrorResponse().getErrorObject().getCode())
                .isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
    }

    /** A new user authorizes the app in the browser, and the app exchanges the code. */
    private static Tokens authorizedTokens() throws Exception {
        return authorizedTokens(app);
    }

    private static Tokens authorizedTokens(ThirdPartyApp client) throws Exception {
        ThirdPartyApp.Authorization authorization = client.authorize(WORKOUTS_READ);
        AuthorizationResponse answer = answerInBrowser(authorization, "accept");
        return exchange(client, authorization, answer);
    }

    private static Tokens exchange(
            ThirdPartyApp client,
            ThirdPartyApp.Authorization authorization,
            AuthorizationResponse answer)
            throws Exception {
        if (!answer.indicatesSuccess() || !authorization.state().equals(answer.getState())) {
            throw new AssertionError("The authorization failed: " + answer.toURI());
        }

        TokenResponse token =
                client.exchange(
                        answer.toSuccessResponse().getAuthorizationCode(),
                        authorization.verifier());
        if (!token.indicatesSuccess()) {
            throw new AssertionError(
                    "The code exchange failed: " + token.toErrorResponse().getErrorObject());
        }
        return token.toSuccessResponse().getTokens();
    }

    /** A new user logs in at the authorization URL and presses the consent page's button. */
    private static AuthorizationResponse answerInBrowser(
            ThirdPartyApp.Authorization authorization, String button) throws Exception {
        AdminApi.TestUser user = stack.admin().createUser();
        try (ChromiumBrowser browser = ChromiumBrowser.start()) {
            return answerIn(browser, user, authorization, button);
        }
    }

    private static AuthorizationResponse answerIn(
            ChromiumBrowser browser,
            AdminApi.TestUser user,
            ThirdPartyApp.Authorization authorization,
            String button)
            throws Exception {
        browser.open(authorization.url());
        browser.logIn(user);
        browser.answerConsent(button);
        return ThirdPartyApp.answerAt(awaitCallback());
    }

    private static URI awaitCallback() throws InterruptedException {
        return callback.awaitAnswer(CALLBACK_WAIT);
    }

    /** The owner registers the app through the base URL, as the web client does. */
    private static ThirdPartyApp register(AccessToken ownerToken) {
        HttpJson.Answer created =
                HttpJson.send(
                        HttpJson.postJson(
                                        stack.publicUrl() + "/api/oauth/apps",
                                        AppsApiClient.registration(
                                                WORKOUTS_READ.toString(),
                                                callback.redirectUri().toString()))
                                .header("Authorization", ownerToken.toAuthorizationHeader()));
        if (created.status() != 201) {
            throw new AssertionError("The app was not registered: " + created);
        }

        RegisteredApp registered = RegisteredApp.from(created.json().get("data").get("client"));
        return new ThirdPartyApp(
                ThirdPartyApp.Endpoints.fittrackee(stack.publicUrl()),
                registered.clientId(),
                registered.secret(),
                callback.redirectUri());
    }
}
