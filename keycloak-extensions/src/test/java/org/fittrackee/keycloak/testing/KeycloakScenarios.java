package org.fittrackee.keycloak.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scenario classes share: the server they run against, and the FitTrackee clients built on
 * it. Each scenario class has one subclass per way of running Keycloak.
 */
public abstract class KeycloakScenarios {

    protected abstract KeycloakEndpoint keycloak();

    protected AdminApi admin() {
        return new AdminApi(keycloak());
    }

    protected AppsApiClient appsApi() {
        return new AppsApiClient(keycloak());
    }

    protected FittrackeeOAuth oauth() {
        return new FittrackeeOAuth(keycloak());
    }

    /** The query a FitTrackee app sends to {@code /profile/apps/authorize}. */
    protected static Map<String, String> authorizationQuery(
            RegisteredApp app, String scope, String state, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("scope", scope);
        query.put("state", state);
        if (pkce != null) {
            query.put("code_challenge", pkce.challenge());
            query.put("code_challenge_method", "S256");
        }
        return query;
    }

    /**
     * Opens the authorization URL as the user and logs in if asked: the consent page or a redirect.
     */
    protected Browser.Page openAuthorization(
            Browser browser, AdminApi.TestUser user, Map<String, String> query) {
        Browser.Page page = browser.open(oauth().authorizeUrl(query));
        return page.isLoginPage() ? browser.logIn(page, user) : page;
    }

    /** Runs the whole third-party flow for the user and returns the token response. */
    protected com.fasterxml.jackson.databind.JsonNode authorizeAndExchange(
            AdminApi.TestUser user, RegisteredApp app, String scope) {
        Pkce pkce = Pkce.s256();
        Browser browser = new Browser(keycloak());
        Browser.Page consent =
                openAuthorization(browser, user, authorizationQuery(app, scope, "s", pkce));
        Browser.Page back = consent.isConsentPage() ? browser.accept(consent) : consent;
        String code = back.appRedirectParameter("code");

        HttpJson.Answer token = oauth().exchangeCode(app, code, pkce.verifier(), null);
        if (token.status() != 200) {
            throw new AssertionError("Code exchange failed: " + token);
        }
        return token.json();
    }
}
