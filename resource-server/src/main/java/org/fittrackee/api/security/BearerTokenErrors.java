package org.fittrackee.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * OAuth's bearer-token errors (RFC 6750 §3) as FitTrackee answers them: a JSON body with {@code
 * error} and {@code error_description}, and the same in {@code WWW-Authenticate}.
 */
public final class BearerTokenErrors {

    public static final String INVALID_TOKEN_DESCRIPTION =
            "The access token provided is expired, revoked, malformed, or invalid for other"
                    + " reasons.";

    private BearerTokenErrors() {}

    public static void invalidToken(HttpServletResponse response) throws IOException {
        write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "invalid_token",
                INVALID_TOKEN_DESCRIPTION,
                null);
    }

    public static void insufficientScope(HttpServletResponse response, String scope)
            throws IOException {
        write(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "insufficient_scope",
                InsufficientScopeException.DESCRIPTION,
                scope);
    }

    private static void write(
            HttpServletResponse response,
            int status,
            String error,
            String description,
            String scope)
            throws IOException {
        String challenge =
                "Bearer error=\""
                        + error
                        + "\", error_description=\""
                        + description
                        + "\""
                        + (scope == null ? "" : ", scope=\"" + scope + "\"");
        response.setStatus(status);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(
                        "{\"error\":\""
                                + error
                                + "\",\"error_description\":\""
                                + description
                                + "\"}");
    }
}
