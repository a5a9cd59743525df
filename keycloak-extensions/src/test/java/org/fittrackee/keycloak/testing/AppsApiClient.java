package org.fittrackee.keycloak.testing;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/** FitTrackee's {@code /api/oauth/apps} routes as a FitTrackee client calls them. */
public final class AppsApiClient {

    private final KeycloakEndpoint keycloak;

    public AppsApiClient(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
    }

    public String appsUrl() {
        return keycloak.realmUrl() + "/fittrackee/api/oauth/apps";
    }

    public static Map<String, Object> registration(String scope, String... redirectUris) {
        return Map.of(
                "client_name", "Workout sync",
                "client_uri", "https://sync.example.org",
                "client_description", "Copies workouts to a spreadsheet",
                "redirect_uris", List.of(redirectUris),
                "scope", scope);
    }

    public HttpJson.Answer register(String token, Object body) {
        return HttpJson.send(withToken(HttpJson.postJson(appsUrl(), body), token));
    }

    /** Registers an app with the scope and redirect URIs given, and asserts it was created. */
    public RegisteredApp registerApp(String token, String scope, String... redirectUris) {
        HttpJson.Answer created = register(token, registration(scope, redirectUris));
        if (created.status() != 201) {
            throw new AssertionError("App not created: " + created);
        }
        return RegisteredApp.from(created.json().get("data").get("client"));
    }

    public HttpJson.Answer list(String token, String page) {
        String url = page == null ? appsUrl() : appsUrl() + "?page=" + page;
        return HttpJson.send(withToken(HttpJson.get(url), token));
    }

    public HttpJson.Answer getByClientId(String token, String clientId) {
        return HttpJson.send(withToken(HttpJson.get(appsUrl() + "/" + clientId), token));
    }

    public HttpJson.Answer getById(String token, long id) {
        return HttpJson.send(withToken(HttpJson.get(appsUrl() + "/" + id + "/by_id"), token));
    }

    public HttpJson.Answer delete(String token, long id) {
        return HttpJson.send(withToken(HttpJson.get(appsUrl() + "/" + id).DELETE(), token));
    }

    public HttpJson.Answer revokeAll(String token, long id) {
        return HttpJson.send(
                withToken(HttpJson.postJson(appsUrl() + "/" + id + "/revoke", ""), token));
    }

    public HttpJson.Answer regenerateSecret(String token, long id) {
        return HttpJson.send(
                withToken(
                        HttpJson.postJson(appsUrl() + "/" + id + "/regenerate_secret", ""), token));
    }

    /**
     * A route by its path below the apps URL, such as {@code abc/by_id}, for ids the typed methods
     * cannot send.
     */
    public HttpJson.Answer send(String token, String method, String path) {
        HttpRequest.Builder request =
                HttpJson.get(appsUrl() + "/" + path)
                        .method(method, HttpRequest.BodyPublishers.noBody());
        return HttpJson.send(withToken(request, token));
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
