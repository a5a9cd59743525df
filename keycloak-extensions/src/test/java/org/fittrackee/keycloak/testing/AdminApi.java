package org.fittrackee.keycloak.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keycloak's admin REST API, used by the tests to set up users and read what the apps API did. */
public final class AdminApi {

    public static final String PASSWORD = "Test-password-1";

    private final KeycloakEndpoint keycloak;

    public AdminApi(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
    }

    /** Creates an enabled user with a password and the given realm roles; returns its username. */
    public TestUser createUser(String... realmRoles) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user =
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.org",
                        "firstName",
                        "Test",
                        "lastName",
                        "User",
                        "emailVerified",
                        true,
                        "enabled",
                        true,
                        "credentials",
                        List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpJson.Answer created = send(HttpJson.postJson(realmAdmin() + "/users", user));
        if (created.status() != 201) {
            throw new IllegalStateException("Cannot create user: " + created);
        }

        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        for (String role : realmRoles) {
            addRealmRole(id, role);
        }
        return new TestUser(id, username, PASSWORD);
    }

    public void deleteUser(String userId) {
        HttpJson.Answer deleted = send(HttpJson.get(realmAdmin() + "/users/" + userId).DELETE());
        if (deleted.status() != 204) {
            throw new IllegalStateException("Cannot delete user " + userId + ": " + deleted);
        }
    }

    public void addRealmRole(String userId, String roleName) {
        JsonNode role = send(HttpJson.get(realmAdmin() + "/roles/" + roleName)).json();
        HttpJson.Answer added =
                send(
                        HttpJson.postJson(
                                realmAdmin() + "/users/" + userId + "/role-mappings/realm",
                                List.of(role)));
        if (added.status() != 204) {
            throw new IllegalStateException("Cannot add role " + roleName + ": " + added);
        }
    }

    /** The client's representation, or null when no client has that client id. */
    public JsonNode findClient(String clientId) {
        JsonNode found = send(HttpJson.get(realmAdmin() + "/clients?clientId=" + clientId)).json();
        return found.isEmpty() ? null : found.get(0);
    }

    public List<String> defaultClientScopesOf(String clientId) {
        return scopeNames(clientId, "default-client-scopes");
    }

    public List<String> optionalClientScopesOf(String clientId) {
        return scopeNames(clientId, "optional-client-scopes");
    }

    public List<String> clientScopeNames() {
        List<String> names = new ArrayList<>();
        send(HttpJson.get(realmAdmin() + "/client-scopes"))
                .json()
                .forEach(scope -> names.add(scope.get("name").asText()));
        return names;
    }

    public int clientCount() {
        return send(HttpJson.get(realmAdmin() + "/clients?max=10000")).json().size();
    }

    /** The resource server's client secret, for introspection. */
    public String resourceServerSecret() {
        JsonNode client = findClient("fittrackee-api");
        return send(HttpJson.get(
                        realmAdmin() + "/clients/" + client.get("id").asText() + "/client-secret"))
                .json()
                .get("value")
                .asText();
    }

    /** Sets realm attributes, e.g. the PKCE switches. */
    public void setRealmAttributes(Map<String, String> attributes) {
        updateRealm(Map.of("attributes", attributes));
    }

    /** Changes realm settings, e.g. {@code accessCodeLifespan}; the others stay as they are. */
    public void updateRealm(Map<String, Object> settings) {
        Map<String, Object> update = new LinkedHashMap<>(settings);
        update.put("realm", KeycloakEndpoint.REALM);
        HttpJson.Answer updated = send(put(realmAdmin(), update));
        if (updated.status() != 204) {
            throw new IllegalStateException("Cannot update realm: " + updated);
        }
    }

    /** Enables or disables a user's account. */
    public void setUserEnabled(String userId, boolean enabled) {
        HttpJson.Answer updated =
                send(put(realmAdmin() + "/users/" + userId, Map.of("enabled", enabled)));
        if (updated.status() != 204) {
            throw new IllegalStateException("Cannot update user " + userId + ": " + updated);
        }
    }

    /** Replaces a client's representation; the answer tells whether Keycloak accepted it. */
    public HttpJson.Answer updateClient(JsonNode client) {
        return send(put(clientUrl(client), client));
    }

    private static HttpRequest.Builder put(String url, Object body) {
        return HttpJson.postJson(url, body)
                .method("PUT", HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)));
    }

    public JsonNode realmRepresentation() {
        return send(HttpJson.get(realmAdmin())).json();
    }

    private List<String> scopeNames(String clientId, String kind) {
        JsonNode client = findClient(clientId);
        JsonNode scopes =
                send(HttpJson.get(
                                realmAdmin()
                                        + "/clients/"
                                        + client.get("id").asText()
                                        + "/"
                                        + kind))
                        .json();
        List<String> names = new ArrayList<>();
        scopes.forEach(scope -> names.add(scope.get("name").asText()));
        return names;
    }

    /** The admin URL of a client, from its representation. */
    public String clientUrl(JsonNode client) {
        return realmAdmin() + "/clients/" + client.get("id").asText();
    }

    /** Sends a request with the bootstrap admin's token. */
    public HttpJson.Answer send(HttpRequest.Builder request) {
        return HttpJson.send(request.header("Authorization", "Bearer " + adminToken()));
    }

    private String realmAdmin() {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakEndpoint.REALM;
    }

    private String adminToken() {
        HttpJson.Answer token =
                adminCliLogin(
                        keycloak.baseUrl() + "/realms/master",
                        keycloak.adminUsername(),
                        keycloak.adminPassword());
        if (token.status() != 200) {
            throw new IllegalStateException("Cannot log in as the bootstrap admin: " + token);
        }
        return token.json().get("access_token").asText();
    }

    /** Logs a user of the realm in through Keycloak's {@code admin-cli}, with the password. */
    public static HttpJson.Answer adminCliLogin(String realmUrl, String username, String password) {
        return HttpJson.send(
                HttpJson.postForm(
                        realmUrl + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                username,
                                "password",
                                password)));
    }

    /** A user the test created. */
    public record TestUser(String id, String username, String password) {}
}
