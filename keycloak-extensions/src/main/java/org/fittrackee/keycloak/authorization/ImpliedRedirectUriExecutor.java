package org.fittrackee.keycloak.authorization;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fittrackee.keycloak.apps.AppClients;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.OAuth2Code;
import org.keycloak.protocol.oidc.utils.OAuth2CodeParser;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.PreTokenRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Lets an app with several redirect URIs that sends no {@code redirect_uri} exchange its code
 * without one, as in FitTrackee (D3).
 *
 * <p>Keycloak accepts a missing {@code redirect_uri} only from a client with a single URI, so our
 * authorization path sends the first registered URI on the app's behalf, marked {@value
 * #IMPLIED_PARAMETER}={@value #IMPLIED}. Keycloak then stores that URI with the code and demands it
 * again at the token endpoint. This executor remembers, at the authorization request, that the URI
 * was implied, and at the token request, before Keycloak reads the code, removes the stored URI
 * from such a code when the request has no {@code redirect_uri} at all. The stored URI comes back
 * when the request ends, so a request that fails before Keycloak reads the code (a wrong secret, a
 * repeated parameter) leaves the code as it was. A code whose authorization named its URI is left
 * alone: the app must repeat it, as Keycloak and FitTrackee require.
 *
 * <p>The mark is honoured only for a FitTrackee app's own code and its first registered URI, the
 * one the app gets by sending none, so a request sent straight to Keycloak with the mark gains
 * nothing.
 *
 * <p>NOTE: the mark is kept on the app's client session, which holds the latest authorization of
 * the app in that browser session. When one browser authorizes the same app twice before the first
 * code is exchanged, once naming the first URI and once not, the first code follows the second
 * authorization's rule. Keycloak's code carries no field of ours; a code format with extension
 * fields would lift this.
 */
public class ImpliedRedirectUriExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    /** The parameter our authorization path adds when it chose the redirect URI for the app. */
    public static final String IMPLIED_PARAMETER = "fittrackee_redirect_uri";

    public static final String IMPLIED = "implied";

    /** The client-session note: whether the app's latest authorization implied its URI. */
    static final String IMPLIED_NOTE = "fittrackee.redirect_uri_implied";

    private static final Logger LOG = Logger.getLogger(ImpliedRedirectUriExecutor.class);

    private final KeycloakSession session;

    public ImpliedRedirectUriExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return ImpliedRedirectUriExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) {
        if (context instanceof AuthorizationRequestContext authorization) {
            remember(authorization);
        } else if (context instanceof PreTokenRequestContext tokenRequest) {
            unbindImpliedRedirectUri(tokenRequest);
        }
    }

    /** Notes on the coming client session whether this authorization implied its URI. */
    private void remember(AuthorizationRequestContext authorization) {
        ClientModel app = authorization.getClient();
        String redirectUri = authorization.getAuthorizationEndpointRequest().getRedirectUri();
        String mark = authorization.getRequestParameters().getFirst(IMPLIED_PARAMETER);

        boolean implied =
                IMPLIED.equals(mark)
                        && redirectUri != null
                        && isFirstRegisteredUri(app, redirectUri);
        authorization
                .getAuthenticationSession()
                .setClientNote(IMPLIED_NOTE, String.valueOf(implied));
    }

    private void unbindImpliedRedirectUri(PreTokenRequestContext tokenRequest) {
        ClientModel app = tokenRequest.getClient();
        Optional<CodeKey> key = codeSentWithoutRedirectUri(formOf(session));
        if (!AppClients.isApp(app)
                || key.isEmpty()
                || !app.getId().equals(key.get().clientUuid())) {
            return;
        }

        SingleUseObjectProvider codes = session.singleUseObjects();
        String storeKey = key.get().storeKey();
        Map<String, String> stored = codes.get(storeKey);
        if (stored == null) {
            return;
        }
        OAuth2Code data = OAuth2Code.deserializeCode(stored);
        if (!isImpliedCodeOf(app, key.get(), data)) {
            return;
        }

        // The request is not yet checked (client, secret, parameters) when this runs, and the code
        // store writes at once, outside the transaction: the stored URI comes back when the
        // request ends, unless Keycloak consumed the code by then.
        // NOTE: the code store's replace is Infinispan's replace without metadata, which drops the
        // entry's lifespan. A code whose request failed and that is never tried again therefore
        // stays in memory, already expired by its own expiration field, until Keycloak restarts
        // (every node, in a cluster). A code store replace that keeps the lifespan, or a code
        // that carries our mark itself, would lift it (docs/limitations.md).
        session.getTransactionManager()
                .enlistAfterCompletion(
                        new StoredCodeRestore(codes, storeKey, new HashMap<>(stored)));
        codes.replace(storeKey, withoutRedirectUri(data).serializeCode());
        LOG.debugf("Code of app %s exchanged without its implied redirect URI", app.getClientId());
    }

    /**
     * The code of a code exchange that has no {@code redirect_uri} parameter at all, not even an
     * empty or repeated one, and exactly one {@code code}.
     */
    static Optional<CodeKey> codeSentWithoutRedirectUri(MultivaluedMap<String, String> form) {
        List<String> code = form.get(OAuth2Constants.CODE);
        if (form.containsKey(OAuth2Constants.REDIRECT_URI) || code == null || code.size() != 1) {
            return Optional.empty();
        }
        return CodeKey.of(code.get(0));
    }

    /** Whether the stored code is the app's, of the key's session, with a URI it implied. */
    private boolean isImpliedCodeOf(ClientModel app, CodeKey key, OAuth2Code data) {
        return app.getId().equals(data.getClientUUID())
                && key.userSessionId().equals(data.getUserSessionId())
                && data.getRedirectUriParam() != null
                && wasImplied(app, data);
    }

    private boolean wasImplied(ClientModel app, OAuth2Code data) {
        RealmModel realm = session.getContext().getRealm();
        UserSessionModel userSession =
                session.sessions().getUserSession(realm, data.getUserSessionId());
        if (userSession == null) {
            return false;
        }

        AuthenticatedClientSessionModel clientSession =
                userSession.getAuthenticatedClientSessionByClient(app.getId());
        return clientSession != null
                && Boolean.parseBoolean(clientSession.getNote(IMPLIED_NOTE))
                && isFirstRegisteredUri(app, data.getRedirectUriParam());
    }

    private static boolean isFirstRegisteredUri(ClientModel app, String redirectUri) {
        List<String> registered = AppClients.redirectUrisOf(app);
        return !registered.isEmpty() && registered.get(0).equals(redirectUri);
    }

    private static OAuth2Code withoutRedirectUri(OAuth2Code data) {
        return new OAuth2Code(
                data.getId(),
                data.getClientUUID(),
                data.getExpiration(),
                data.getNonce(),
                data.getScope(),
                data.getResource(),
                null,
                data.getCodeChallenge(),
                data.getCodeChallengeMethod(),
                data.getDpopJkt(),
                data.getUserSessionId());
    }

    private static MultivaluedMap<String, String> formOf(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        MultivaluedMap<String, String> form =
                request == null ? null : request.getDecodedFormParameters();
        return form == null ? new MultivaluedHashMap<>() : form;
    }

    /** The parts of a Keycloak authorization code: {@code <id>.<user session>.<client>}. */
    record CodeKey(String codeId, String userSessionId, String clientUuid) {

        static Optional<CodeKey> of(String code) {
            String[] parts = code.split("\\.", 3);
            if (parts.length < 3 || parts[0].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CodeKey(parts[0], parts[1], parts[2]));
        }

        String storeKey() {
            return OAuth2CodeParser.CACHE_KEY_PREFIX + codeId;
        }
    }
}
