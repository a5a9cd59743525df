package org.fittrackee.keycloak.apps;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.ClientModel;

/** FitTrackee's JSON for an app (its {@code client} object). */
public final class AppRepresentation {

    /** FitTrackee spells the month of an app's issue date in full. */
    private static final DateTimeFormatter ISSUED_AT =
            DateTimeFormatter.ofPattern("EEE, dd MMMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private AppRepresentation() {}

    public static Map<String, Object> of(ClientModel client) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("client_id", client.getClientId());
        app.put("client_description", client.getDescription());
        app.put("id", AppClients.appIdOf(client));
        app.put("issued_at", issuedAt(client.getAttribute(AppClients.ISSUED_AT)));
        app.put("name", client.getName());
        app.put("redirect_uris", AppClients.redirectUrisOf(client));
        app.put("scope", client.getAttribute(AppClients.SCOPE));
        app.put("website", client.getBaseUrl());
        return app;
    }

    public static Map<String, Object> withSecret(ClientModel client, String secret) {
        Map<String, Object> app = of(client);
        app.put("client_secret", secret);
        return app;
    }

    static String issuedAt(String epochSeconds) {
        if (epochSeconds == null) {
            return null;
        }
        return ISSUED_AT.format(Instant.ofEpochSecond(Long.parseLong(epochSeconds)));
    }
}
