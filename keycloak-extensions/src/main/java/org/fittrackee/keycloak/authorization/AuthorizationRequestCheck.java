package org.fittrackee.keycloak.authorization;

import java.util.List;
import org.fittrackee.keycloak.apps.AppClients;
import org.fittrackee.keycloak.pkce.PkcePolicy;
import org.fittrackee.keycloak.scopes.FittrackeeScopes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * Checks an authorization request against the app it names before any redirect, so that a request
 * Keycloak would refuse, or one naming an unregistered redirect URI, ends on an error page of ours
 * and never at an address the app did not register (RFC 9700 §4.11).
 */
final class AuthorizationRequestCheck {

    static final String UNKNOWN_CLIENT = "The client does not exist on this server.";
    static final String UNREGISTERED_REDIRECT_URI =
            "The redirect URI is not registered for this application.";
    static final String UNSUPPORTED_RESPONSE_TYPE =
            "Unsupported response type: this server supports response_type=code only.";

    private AuthorizationRequestCheck() {}

    /** The request to hand to Keycloak, or an {@link AuthorizationError} to show the user. */
    static CheckedRequest check(AuthorizationRequest request, RealmModel realm) {
        ClientModel app =
                request.clientId() == null ? null : realm.getClientByClientId(request.clientId());
        if (!AppClients.isApp(app) || !app.isEnabled()) {
            throw new AuthorizationError(UNKNOWN_CLIENT);
        }

        List<String> registeredUris = AppClients.redirectUrisOf(app);
        if (request.redirectUri() != null && !registeredUris.contains(request.redirectUri())) {
            throw new AuthorizationError(UNREGISTERED_REDIRECT_URI);
        }
        if (!"code".equals(request.responseType())) {
            throw new AuthorizationError(UNSUPPORTED_RESPONSE_TYPE);
        }

        PkcePolicy.of(realm)
                .problemWith(request.codeChallenge(), request.codeChallengeMethod())
                .ifPresent(
                        problem -> {
                            throw new AuthorizationError(problem);
                        });

        String redirectUri = redirectUriFor(request, registeredUris);
        boolean implied = request.redirectUri() == null && redirectUri != null;
        return new CheckedRequest(request, redirectUri, implied, grantableScope(request, app));
    }

    /**
     * The redirect URI to send on: the one requested, or none when the app has a single URI
     * (Keycloak then uses it and the token request needs none), else the first registered, which is
     * then implied: the {@link ImpliedRedirectUriExecutor} spares the app from repeating it.
     */
    private static String redirectUriFor(AuthorizationRequest request, List<String> registered) {
        if (request.redirectUri() != null || registered.size() == 1) {
            return request.redirectUri();
        }
        return registered.get(0);
    }

    /** The requested scopes the app registered, in the order requested (D4). */
    private static String grantableScope(AuthorizationRequest request, ClientModel app) {
        List<String> registered =
                FittrackeeScopes.knownScopesOf(app.getAttribute(AppClients.SCOPE));
        List<String> grantable =
                FittrackeeScopes.knownScopesOf(request.scope()).stream()
                        .filter(registered::contains)
                        .toList();
        return grantable.isEmpty() ? null : String.join(" ", grantable);
    }

    /**
     * A request that passed, with the redirect URI and scope to send to Keycloak.
     *
     * @param redirectUriImplied whether {@code redirectUri} is the first registered URI chosen
     *     because the app sent none
     */
    record CheckedRequest(
            AuthorizationRequest request,
            String redirectUri,
            boolean redirectUriImplied,
            String scope) {}
}
