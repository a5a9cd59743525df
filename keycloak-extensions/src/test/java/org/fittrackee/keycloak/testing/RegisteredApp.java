package org.fittrackee.keycloak.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An app as its creation response described it, secret included. */
public record RegisteredApp(long id, String clientId, String secret, List<String> redirectUris) {

    public static RegisteredApp from(JsonNode client) {
        List<String> redirectUris = new ArrayList<>();
        client.get("redirect_uris").forEach(uri -> redirectUris.add(uri.asText()));
        return new RegisteredApp(
                client.get("id").asLong(),
                client.get("client_id").asText(),
                client.get("client_secret").asText(),
                redirectUris);
    }

    public RegisteredApp withSecret(String newSecret) {
        return new RegisteredApp(id, clientId, newSecret, redirectUris);
    }
}
