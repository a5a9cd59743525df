package org.fittrackee.keycloak.pkce;

import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.RealmModel;

/**
 * Which PKCE requests a realm accepts from FitTrackee apps (RFC 7636, RFC 9700 §2.1.1). By default
 * PKCE is optional, as FitTrackee's apps may not send it, but {@code plain}, also implied by a
 * challenge without a method, is refused: it protects nothing once the request leaks. Two realm
 * attributes change that: {@value #ALLOW_PLAIN} and {@value #REQUIRED}.
 */
public record PkcePolicy(boolean allowPlain, boolean required) {

    public static final String ALLOW_PLAIN = "fittrackee.pkce.allow_plain";
    public static final String REQUIRED = "fittrackee.pkce.required";

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";

    private static final Pattern CODE_CHALLENGE = Pattern.compile("^[A-Za-z0-9\\-._~]{43,128}$");

    public static PkcePolicy of(RealmModel realm) {
        return new PkcePolicy(
                Boolean.parseBoolean(realm.getAttribute(ALLOW_PLAIN)),
                Boolean.parseBoolean(realm.getAttribute(REQUIRED)));
    }

    /** Why an authorization request's PKCE parameters are refused, or empty when accepted. */
    public Optional<String> problemWith(String codeChallenge, String codeChallengeMethod) {
        if (codeChallenge == null || codeChallenge.isEmpty()) {
            return problemWithoutChallenge(codeChallengeMethod);
        }

        String method = codeChallengeMethod == null ? PLAIN : codeChallengeMethod;
        if (!method.equals(S256) && !method.equals(PLAIN)) {
            return Optional.of("Unsupported 'code_challenge_method': use S256");
        }
        if (method.equals(PLAIN) && !allowPlain) {
            return Optional.of(
                    "PKCE method 'plain' is not allowed (a challenge without a method is plain):"
                            + " use code_challenge_method=S256");
        }
        if (!CODE_CHALLENGE.matcher(codeChallenge).matches()) {
            return Optional.of("Invalid 'code_challenge'");
        }
        return Optional.empty();
    }

    private Optional<String> problemWithoutChallenge(String codeChallengeMethod) {
        if (codeChallengeMethod != null && !codeChallengeMethod.isEmpty()) {
            return Optional.of("Missing 'code_challenge'");
        }
        if (required) {
            return Optional.of(
                    "PKCE is required: send a code_challenge with code_challenge_method=S256");
        }
        return Optional.empty();
    }
}
