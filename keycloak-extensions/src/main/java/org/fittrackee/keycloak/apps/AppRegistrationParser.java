package org.fittrackee.keycloak.apps;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fittrackee.keycloak.scopes.FittrackeeScopes;

/**
 * Turns the JSON body of {@code POST /api/oauth/apps} into an {@link AppRegistration}, checking it
 * in FitTrackee's order (metadata, keys, scopes) and then the rules we add: the redirect URI rules,
 * a website URL, and the column sizes Keycloak stores the values in.
 */
public final class AppRegistrationParser {

    static final String METADATA_MISSING = "OAuth2 client metadata missing";
    static final String MISSING_KEYS = "OAuth2 client metadata missing keys: ";
    static final String INVALID_SCOPES = "OAuth2 client invalid scopes";
    static final String INVALID_PAYLOAD = "invalid payload";

    static final int MAX_TEXT_LENGTH = 255;
    static final int MAX_REDIRECT_URIS = 10;

    private static final Set<Integer> NO_CONTROL_CHARACTERS = Set.of();
    private static final Set<Integer> DESCRIPTION_WHITESPACE =
            Set.of((int) '\n', (int) '\r', (int) '\t');

    private static final List<String> REQUIRED_KEYS =
            List.of("client_name", "client_uri", "redirect_uris", "scope");

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private AppRegistrationParser() {}

    /** The registration, or an {@link InvalidRegistrationException} naming what is wrong. */
    public static AppRegistration parse(String body) {
        JsonNode metadata = readMetadata(body);
        requireKeys(metadata);
        List<String> scopes = scopesOf(metadata.get("scope"));

        String name = requiredText(metadata, "client_name");
        String description = optionalText(metadata, "client_description");
        String website = websiteOf(metadata.get("client_uri"));
        List<String> redirectUris = redirectUrisOf(metadata.get("redirect_uris"));

        return new AppRegistration(name, description, website, redirectUris, scopes);
    }

    private static JsonNode readMetadata(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRegistrationException(METADATA_MISSING);
        }

        JsonNode metadata;
        try {
            metadata = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRegistrationException(INVALID_PAYLOAD);
        }
        if (metadata == null || !metadata.isObject() || metadata.isEmpty()) {
            throw new InvalidRegistrationException(METADATA_MISSING);
        }
        return metadata;
    }

    private static void requireKeys(JsonNode metadata) {
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED_KEYS) {
            if (!metadata.has(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRegistrationException(MISSING_KEYS + String.join(", ", missing));
        }
    }

    private static List<String> scopesOf(JsonNode scope) {
        if (!scope.isTextual()) {
            throw new InvalidRegistrationException(INVALID_SCOPES);
        }

        List<String> scopes = FittrackeeScopes.knownScopesOf(scope.asText());
        if (scopes.isEmpty()) {
            throw new InvalidRegistrationException(INVALID_SCOPES);
        }
        return scopes;
    }

    private static String requiredText(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(key, "a non-empty text is expected");
        }
        return limited(key, printable(key, value.asText(), NO_CONTROL_CHARACTERS).trim());
    }

    private static String optionalText(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(key, "a text is expected");
        }
        String text = printable(key, value.asText(), DESCRIPTION_WHITESPACE).trim();
        return text.isEmpty() ? null : limited(key, text);
    }

    /**
     * Refuses control characters, which no name or URL needs and PostgreSQL cannot store (NUL); a
     * description may keep its line breaks and tabs.
     */
    private static String printable(String key, String text, Set<Integer> allowed) {
        boolean control =
                text.chars().anyMatch(c -> Character.isISOControl(c) && !allowed.contains(c));
        if (control) {
            throw invalid(key, "control characters are not allowed");
        }
        return text;
    }

    private static String limited(String key, String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw invalid(key, "at most " + MAX_TEXT_LENGTH + " characters are allowed");
        }
        return text;
    }

    private static String websiteOf(JsonNode clientUri) {
        String expected = "an absolute http or https URL is expected";
        if (!clientUri.isTextual()) {
            throw invalid("client_uri", expected);
        }

        String website =
                limited(
                        "client_uri",
                        printable("client_uri", clientUri.asText(), NO_CONTROL_CHARACTERS).trim());
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("https") || scheme.equals("http");
            if (web && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return website;
            }
        } catch (URISyntaxException e) {
            throw invalid("client_uri", expected);
        }
        throw invalid("client_uri", expected);
    }

    private static List<String> redirectUrisOf(JsonNode redirectUris) {
        String expected = "a list of 1 to " + MAX_REDIRECT_URIS + " URIs is expected";
        if (!redirectUris.isArray() || redirectUris.isEmpty()) {
            throw invalid("redirect_uris", expected);
        }

        Set<String> uris = new LinkedHashSet<>();
        for (JsonNode redirectUri : redirectUris) {
            if (!redirectUri.isTextual()) {
                throw invalid("redirect_uris", expected);
            }
            uris.add(validRedirectUri(redirectUri.asText()));
        }
        if (uris.size() > MAX_REDIRECT_URIS) {
            throw invalid("redirect_uris", expected);
        }
        return List.copyOf(uris);
    }

    private static String validRedirectUri(String redirectUri) {
        String problem = RedirectUriRules.problemWith(redirectUri).orElse(null);
        if (problem == null) {
            return redirectUri;
        }

        boolean showable =
                redirectUri.length() <= MAX_TEXT_LENGTH
                        && redirectUri.chars().noneMatch(Character::isISOControl);
        String shown = showable ? " '" + redirectUri + "'" : "";
        throw new InvalidRegistrationException(
                "OAuth2 client invalid redirect URI" + shown + ": " + problem);
    }

    private static InvalidRegistrationException invalid(String key, String expectation) {
        return new InvalidRegistrationException(
                "OAuth2 client invalid " + key + ": " + expectation);
    }
}
