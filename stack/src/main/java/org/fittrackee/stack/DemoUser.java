package org.fittrackee.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fittrackee.stack.keycloak.KeycloakDistribution;

/**
 * A user of the fittrackee realm to try the product with, made when missing unless
 * FITTRACKEE_DEMO_USER says not to.
 */
final class DemoUser {

    static final String USERNAME = "demo";
    static final String PASSWORD = "demo";

    private static final Pattern ACCESS_TOKEN =
            Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ERROR_DESCRIPTION =
            Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]+)\"");

    private static final String ADMIN_TOKEN_PATH = "/realms/master/protocol/openid-connect/token";

    private final KeycloakDistribution keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoUser(KeycloakDistribution keycloak) {
        this.keycloak = keycloak;
    }

    /** Whether the realm has a user named demo, whatever its password now. */
    boolean exists() {
        HttpResponse<String> existing =
                send(
                        authorized(
                                        HttpRequest.newBuilder(
                                                URI.create(
                                                        usersUrl()
                                                                + "?exact=true&username="
                                                                + USERNAME)),
                                        adminToken())
                                .GET());
        return existing.statusCode() == 200 && existing.body().contains("\"username\"");
    }

    void create() {
        String demo =
                """
                {"username": "%s", "email": "demo@example.org", "firstName": "Demo",
                 "lastName": "User", "emailVerified": true, "enabled": true,
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """
                        .formatted(USERNAME, PASSWORD);
        HttpResponse<String> created =
                send(
                        authorized(HttpRequest.newBuilder(URI.create(usersUrl())), adminToken())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(demo)));
        if (created.statusCode() != 201) {
            throw new StackException(
                    "Cannot create the demo user: " + created.statusCode() + " " + created.body());
        }
    }

    private String usersUrl() {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakDistribution.REALM + "/users";
    }

    private String adminToken() {
        String form =
                "grant_type=password&client_id=admin-cli&username="
                        + encode(keycloak.adminUsername())
                        + "&password="
                        + encode(keycloak.adminPassword());
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + ADMIN_TOKEN_PATH))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            Matcher reason = ERROR_DESCRIPTION.matcher(response.body());
            throw new StackException(
                    "Keycloak refused the admin's password ("
                            + (reason.find() ? reason.group(1) : "HTTP " + response.statusCode())
                            + ") when the stack checked the demo user: set"
                            + " FITTRACKEE_ADMIN_PASSWORD to the admin's current password (it"
                            + " is used when Keycloak's data is new only)");
        }
        return token.group(1);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Keycloak did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
