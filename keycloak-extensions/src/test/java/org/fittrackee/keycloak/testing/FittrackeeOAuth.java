package org.fittrackee.keycloak.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The OAuth side as apps and the first-party client use it: authorize, token, revoke. */
public final class FittrackeeOAuth {

    public static final String FIRST_PARTY_CLIENT = "fittrackee-web";
    public static final String FIRST_PARTY_REDIRECT_URI = "http://localhost:8180/auth/callback";

    private final KeycloakEndpoint keycloak;
    private final AdminApi admin;

    public FittrackeeOAuth(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
        this.admin = new AdminApi(keycloak);
    }

    public String tokenEndpoint() {
        return keycloak.realmUrl() + "/protocol/openid-connect/token";
    }

    public String revocationEndpoint() {
        return keycloak.realmUrl() + "/protocol/openid-connect/revoke";
    }

    /** FitTrackee's {@code /profile/apps/authorize} with the given query. */
    public String authorizeUrl(Map<String, String> query) {
        return keycloak.realmUrl() + "/profile/apps/authorize?" + HttpJson.formEncoded(query);
    }

    /** Logs the user in through the first-party client and returns its access token. */
    public String firstPartyToken(AdminApi.TestUser user) {
        return firstPartyTokenResponse(user).get("access_token").asText();
    }

    /** Logs the user in through the first-party client and returns the token response. */
    public JsonNode firstPartyTokenResponse(AdminApi.TestUser user) {
        Pkce pkce = Pkce.s256();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", FIRST_PARTY_CLIENT);
        query.put("redirect_uri", FIRST_PARTY_REDIRECT_URI);
        query.put("state", "first-party");
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");

        Browser browser = new Browser(keycloak);
        Browser.Page login =
                browser.open(
                        keycloak.realmUrl()
                                + "/protocol/openid-connect/auth?"
                                + HttpJson.formEncoded(query));
        Browser.Page back = browser.logIn(login, user);
        String code = back.appRedirectParameter("code");

        HttpJson.Answer token =
                HttpJson.send(
                        HttpJson.postForm(
                                tokenEndpoint(),
                                Map.of(
                                        "grant_type", "authorization_code",
                                        "client_id", FIRST_PARTY_CLIENT,
                                        "code", code,
                                        "redirect_uri", FIRST_PARTY_REDIRECT_URI,
                                        "code_verifier", pkce.verifier())));
        if (token.status() != 200) {
            throw new AssertionError("First-party token refused: " + token);
        }
        return token.json();
    }

    /** Exchanges a code with the client id and secret in the POST body, as FitTrackee apps do. */
    public HttpJson.Answer exchangeCode(
            RegisteredApp app, String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", app.clientId());
        form.put("client_secret", app.secret());
        form.put("code", code);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        if (redirectUri != null) {
            form.put("redirect_uri", redirectUri);
        }
        return post(tokenEndpoint(), form);
    }

    public HttpJson.Answer refresh(RegisteredApp app, String refreshToken) {
        return post(
                tokenEndpoint(),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        app.clientId(),
                        "client_secret",
                        app.secret(),
                        "refresh_token",
                        refreshToken));
    }

    public HttpJson.Answer revoke(RegisteredApp app, String token, String tokenTypeHint) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", app.clientId());
        form.put("client_secret", app.secret());
        form.put("token", token);
        if (tokenTypeHint != null) {
            form.put("token_type_hint", tokenTypeHint);
        }
        return post(revocationEndpoint(), form);
    }

    /** A token or revocation request with the app's credentials in HTTP Basic, not the body. */
    public HttpJson.Answer postWithBasic(String url, RegisteredApp app, Map<String, String> form) {
        String credentials = app.clientId() + ":" + app.secret();
        return HttpJson.send(
                HttpJson.postForm(url, form)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        credentials.getBytes(
                                                                StandardCharsets.UTF_8))));
    }

    /** Whether the token is active, asked as the resource server asks. */
    public boolean isActive(String accessToken) {
        String credentials = "fittrackee-api:" + admin.resourceServerSecret();
        HttpJson.Answer introspection =
                HttpJson.send(
                        HttpJson.postForm(
                                        tokenEndpoint() + "/introspect",
                                        Map.of("token", accessToken))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                credentials.getBytes(
                                                                        StandardCharsets.UTF_8))));
        if (introspection.status() != 200) {
            throw new AssertionError("Introspection failed: " + introspection);
        }
        return introspection.json().get("active").asBoolean();
    }

    /** The claims of a JWT, read without checking its signature. */
    public static JsonNode claimsOf(String jwt) {
        String payload = jwt.split("\\.")[1];
        byte[] json = Base64.getUrlDecoder().decode(payload);
        try {
            return HttpJson.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not a JWT: " + jwt, e);
        }
    }

    private static HttpJson.Answer post(String url, Map<String, String> form) {
        HttpRequest.Builder request = HttpJson.postForm(url, form);
        return HttpJson.send(request);
    }
}
