package org.fittrackee.keycloak.authorization;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** The query of {@code GET /profile/apps/authorize}, as FitTrackee's apps send it. */
public record AuthorizationRequest(
        String responseType,
        String clientId,
        String redirectUri,
        String scope,
        String state,
        String codeChallenge,
        String codeChallengeMethod,
        String prompt,
        String uiLocales) {

    /** Reads the query; a repeated parameter is refused (RFC 6749 §3.1). */
    public static AuthorizationRequest from(MultivaluedMap<String, String> query) {
        return new AuthorizationRequest(
                single(query, "response_type"),
                single(query, "client_id"),
                single(query, "redirect_uri"),
                single(query, "scope"),
                single(query, "state"),
                single(query, "code_challenge"),
                single(query, "code_challenge_method"),
                single(query, "prompt"),
                single(query, "ui_locales"));
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new AuthorizationError("The parameter " + name + " must not be repeated.");
        }
        return values.get(0);
    }
}
