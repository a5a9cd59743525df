package org.fittrackee.keycloak.authorization;

import jakarta.ws.rs.core.MultivaluedMap;

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

    public static AuthorizationRequest from(MultivaluedMap<String, String> query) {
        return new AuthorizationRequest(
                query.getFirst("response_type"),
                query.getFirst("client_id"),
                query.getFirst("redirect_uri"),
                query.getFirst("scope"),
                query.getFirst("state"),
                query.getFirst("code_challenge"),
                query.getFirst("code_challenge_method"),
                query.getFirst("prompt"),
                query.getFirst("ui_locales"));
    }
}
