package org.fittrackee.keycloak.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A FitTrackee app's whole authorization: the authorization path, Keycloak's login and consent
 * (accepted), and the code exchange with PKCE. Shared with the resource server's tests.
 */
public final class ThirdPartyFlow {

    private final KeycloakEndpoint keycloak;

    public ThirdPartyFlow(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
    }

    /** The query a FitTrackee app sends to {@code /profile/apps/authorize}. */
    public static Map<String, String> authorizationQuery(
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

    /** Opens the authorization URL as the user, logging in if asked. */
    public Browser.Page openAuthorization(
            Browser browser, AdminApi.TestUser user, Map<String, String> query) {
        Browser.Page page = browser.open(new FittrackeeOAuth(keycloak).authorizeUrl(query));
        return page.isLoginPage() ? browser.logIn(page, user) : page;
    }

    /** The code the app receives when the user authorizes the request (consenting if asked). */
    public String authorizationCode(AdminApi.TestUser user, Map<String, String> query) {
        Browser browser = new Browser(keycloak);
        Browser.Page consent = openAuthorization(browser, user, query);
        Browser.Page back = consent.isConsentPage() ? browser.accept(consent) : consent;
        return back.appRedirectParameter("code");
    }

    /** The token response of the user's authorization of the app for the scope. */
    public JsonNode tokenFor(AdminApi.TestUser user, RegisteredApp app, String scope) {
        Pkce pkce = Pkce.s256();
        Browser browser = new Browser(keycloak);
        Browser.Page consent =
                openAuthorization(browser, user, authorizationQuery(app, scope, "s", pkce));
        Browser.Page back = consent.isConsentPage() ? browser.accept(consent) : consent;
        String code = back.appRedirectParameter("code");

        HttpJson.Answer token =
                new FittrackeeOAuth(keycloak).exchangeCode(app, code, pkce.verifier(), null);
        if (token.status() != 200) {
            throw new AssertionError("Code exchange failed: " + token);
        }
        return token.json();
    }
}
