package org.fittrackee.keycloak.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a registered redirect URI must be (RFC 9700 §2.1, RFC 8252 §7.1): absolute, without
 * fragment, wildcard or user information, and either {@code https}, {@code http} on a loopback
 * host, or a private-use scheme in reverse-domain form for native apps.
 */
final class RedirectUriRules {

    /** Keycloak stores each redirect URI in a column of this size. */
    static final int MAX_LENGTH = 255;

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUriRules() {}

    /** Why the URI cannot be registered, or empty when it can. */
    static Optional<String> problemWith(String redirectUri) {
        if (redirectUri.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (redirectUri.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        if (redirectUri.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (redirectUri.contains("*")) {
            return Optional.of("must not contain a wildcard");
        }
        if (redirectUri.contains("#")) {
            return Optional.of("must not contain a fragment");
        }

        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI");
        }
        return problemWithScheme(uri);
    }

    private static Optional<String> problemWithScheme(URI uri) {
        if (!uri.isAbsolute()) {
            return Optional.of("must be an absolute URI");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user information");
        }

        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return host == null ? Optional.of("must name a host") : Optional.empty();
        }
        if (scheme.equals("http")) {
            return host != null && LOOPBACK_HOSTS.contains(host)
                    ? Optional.empty()
                    : Optional.of("may use http only on a loopback host");
        }
        if (isPrivateUseScheme(scheme)) {
            return Optional.empty();
        }
        return Optional.of(
                "must use https, http on a loopback host, or a private-use scheme such as"
                        + " org.example.app:/callback");
    }

    /** A reverse-domain scheme such as {@code org.example.app}, never {@code javascript}. */
    private static boolean isPrivateUseScheme(String scheme) {
        return scheme.contains(".") && !scheme.startsWith(".") && !scheme.endsWith(".");
    }
}
