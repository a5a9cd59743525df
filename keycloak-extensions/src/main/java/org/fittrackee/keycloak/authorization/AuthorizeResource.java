package org.fittrackee.keycloak.authorization;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;

/**
 * FitTrackee's authorization page, {@code /profile/apps/authorize}, served under {@code
 * /realms/{realm}/profile/apps/authorize}. It checks the request, then sends the browser to
 * Keycloak's authorization endpoint, where the user logs in and consents.
 */
public class AuthorizeResource {

    private static final Logger LOG = Logger.getLogger(AuthorizeResource.class);

    private final KeycloakSession session;

    public AuthorizeResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("apps/authorize")
    public Response authorize() {
        RealmModel realm = session.getContext().getRealm();
        AuthorizationRequestCheck.CheckedRequest checked;
        try {
            AuthorizationRequest request =
                    AuthorizationRequest.from(session.getContext().getUri().getQueryParameters());
            checked = AuthorizationRequestCheck.check(request, realm);
        } catch (AuthorizationError error) {
            LOG.debugf("Authorization request refused: %s", error.getMessage());
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, error.getMessage());
        }

        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.seeOther(keycloakAuthorizationUrl(realm, checked))
                .cacheControl(noStore)
                .build();
    }

    private URI keycloakAuthorizationUrl(
            RealmModel realm, AuthorizationRequestCheck.CheckedRequest checked) {
        AuthorizationRequest request = checked.request();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", request.clientId());
        query.put("redirect_uri", checked.redirectUri());
        if (checked.redirectUriImplied()) {
            query.put(
                    ImpliedRedirectUriExecutor.IMPLIED_PARAMETER,
                    ImpliedRedirectUriExecutor.IMPLIED);
        }
        query.put("scope", checked.scope());
        query.put("state", request.state());
        query.put("code_challenge", request.codeChallenge());
        query.put("code_challenge_method", request.codeChallengeMethod());
        query.put("prompt", request.prompt());
        query.put("ui_locales", request.uiLocales());

        URI endpoint =
                UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                        .path("realms/{realm}/protocol/openid-connect/auth")
                        .build(realm.getName());
        return URI.create(endpoint + "?" + formEncoded(query));
    }

    /** Values are sent exactly as received: encoded here, never read as URI templates. */
    private static String formEncoded(Map<String, String> query) {
        return query.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isEmpty())
                .map(
                        entry ->
                                entry.getKey()
                                        + "="
                                        + URLEncoder.encode(
                                                entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
