package org.fittrackee.keycloak.testing;

import java.net.CookieHandler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for one test server. Keycloak marks its cookies {@code Secure} even on
 * {@code http://localhost}, which browsers accept as a secure context but Java's own cookie manager
 * does not; this jar keeps every cookie by name and sends it back to the same host.
 */
final class CookieJar extends CookieHandler {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(
            URI uri, Map<String, List<String>> requestHeaders) {
        if (cookies.isEmpty()) {
            return Map.of();
        }
        String header =
                cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; "));
        return Map.of("Cookie", List.of(header));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach(
                (name, values) -> {
                    if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                        values.forEach(this::store);
                    }
                });
    }

    private void store(String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        if (equals <= 0) {
            return;
        }

        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
