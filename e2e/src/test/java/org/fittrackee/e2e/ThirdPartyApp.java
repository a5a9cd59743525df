package org.fittrackee.e2e;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.WellKnownPathComposeStrategy;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerConfigurationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import net.minidev.json.JSONObject;

/**
 * A third-party FitTrackee app as a developer writes one with a standard OAuth library (the Nimbus
 * OAuth 2.0 SDK): it knows FitTrackee's base URL, its client id and secret, and its redirect URI,
 * and nothing of Keycloak. It either uses FitTrackee's own paths, as apps written for FitTrackee
 * do, or the endpoints it discovered from the base URL, as a standards client does.
 */
final class ThirdPartyApp {

    private final Endpoints endpoints;
    private final ClientID clientId;
    private final String clientSecret;
    private final ClientAuthentication authentication;
    private final URI redirectUri;

    ThirdPartyApp(Endpoints endpoints, String clientId, String clientSecret, URI redirectUri) {
        this.endpoints = endpoints;
        this.clientId = new ClientID(clientId);
        this.clientSecret = clientSecret;
        // FitTrackee apps send their credentials in the form body.
        this.authentication = new ClientSecretPost(this.clientId, new Secret(clientSecret));
        this.redirectUri = redirectUri;
    }

    /** The same app, calling other endpoints, e.g. those it discovered. */
    ThirdPartyApp using(Endpoints other) {
        return new ThirdPartyApp(other, clientId.getValue(), clientSecret, redirectUri);
    }

    String clientId() {
        return clientId.getValue();
    }

    /** A fresh authorization: new state and PKCE verifier, and the URL to send the user to. */
    Authorization authorize(Scope scope) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request =
                new AuthorizationRequest.Builder(
                                new ResponseType(ResponseType.Value.CODE), clientId)
                        .endpointURI(endpoints.authorization())
                        .redirectionURI(redirectUri)
                        .scope(scope)
                        .state(state)
                        .codeChallenge(verifier, CodeChallengeMethod.S256)
                        .build();
        return new Authorization(request.toURI(), state, verifier);
    }

    /** Reads the answer the browser brought to the redirect URI. */
    static AuthorizationResponse answerAt(URI redirect) throws ParseException {
        return AuthorizationResponse.parse(redirect);
    }

    TokenResponse exchange(AuthorizationCode code, CodeVerifier verifier)
            throws IOException, ParseException {
        return token(new AuthorizationCodeGrant(code, redirectUri, verifier));
    }

    TokenResponse refresh(RefreshToken refreshToken) throws IOException, ParseException {
        return token(new RefreshTokenGrant(refreshToken));
    }

    /** RFC 7009 revocation; the answer is the plain HTTP one, as the RFC defines no body. */
    HTTPResponse revoke(Token token) throws IOException {
        return new TokenRevocationRequest(endpoints.revocation(), authentication, token)
                .toHTTPRequest()
                .send();
    }

    /** Calls FitTrackee's API with the access token. */
    HTTPResponse get(String path, AccessToken accessToken) throws IOException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, api(path));
        request.setAuthorization(accessToken.toAuthorizationHeader());
        return request.send();
    }

    HTTPResponse postJson(String path, AccessToken accessToken, String json) throws IOException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, api(path));
        request.setAuthorization(accessToken.toAuthorizationHeader());
        request.setHeader("Content-Type", "application/json");
        request.setBody(json);
        return request.send();
    }

    private TokenResponse token(AuthorizationGrant grant) throws IOException, ParseException {
        HTTPResponse response =
                new TokenRequest.Builder(endpoints.token(), authentication, grant)
                        .build()
                        .toHTTPRequest()
                        .send();
        return TokenResponse.parse(response);
    }

    private URI api(String path) {
        return URI.create(endpoints.api() + path);
    }

    /** What the app keeps while the user is away: the state to check and the PKCE verifier. */
    record Authorization(URI url, State state, CodeVerifier verifier) {}

    /** Where the app sends the user, its token and revocation requests, and its API calls. */
    record Endpoints(URI authorization, URI token, URI revocation, String api) {

        /** FitTrackee's own paths on the base URL, as an app written for FitTrackee uses them. */
        static Endpoints fittrackee(String baseUrl) {
            return new Endpoints(
                    URI.create(baseUrl + "/profile/apps/authorize"),
                    URI.create(baseUrl + "/api/oauth/token"),
                    URI.create(baseUrl + "/api/oauth/revoke"),
                    baseUrl + "/api");
        }

        /** What the discovery documents name, the API under the protected resource's URL. */
        static Endpoints discovered(Discovery discovery) {
            AuthorizationServerMetadata server = discovery.authorizationServer();
            return new Endpoints(
                    server.getAuthorizationEndpointURI(),
                    server.getTokenEndpointURI(),
                    server.getRevocationEndpointURI(),
                    discovery.resource() + "/api");
        }
    }

    /**
     * What a standards client learns from the base URL alone: the protected resource's metadata
     * (RFC 9728) names the authorization server, whose metadata (RFC 8414) comes from the path RFC
     * 8414 §3.1 derives from its issuer. The metadata at the root path is kept too.
     */
    record Discovery(
            String resource,
            List<String> authorizationServers,
            List<String> scopesSupported,
            List<String> bearerMethodsSupported,
            AuthorizationServerMetadata authorizationServer,
            AuthorizationServerMetadata atRootPath) {

        static Discovery from(String baseUrl) throws IOException, ParseException {
            JSONObject resource =
                    new HTTPRequest(
                                    HTTPRequest.Method.GET,
                                    URI.create(baseUrl + "/.well-known/oauth-protected-resource"))
                            .send()
                            .getBodyAsJSONObject();
            List<String> servers = JSONObjectUtils.getStringList(resource, "authorization_servers");
            HTTPResponse issuerPath =
                    new AuthorizationServerConfigurationRequest(
                                    new Issuer(servers.get(0)), WellKnownPathComposeStrategy.INFIX)
                            .toHTTPRequest()
                            .send();
            HTTPResponse rootPath =
                    new HTTPRequest(
                                    HTTPRequest.Method.GET,
                                    URI.create(baseUrl + "/.well-known/oauth-authorization-server"))
                            .send();
            return new Discovery(
                    JSONObjectUtils.getString(resource, "resource"),
                    servers,
                    JSONObjectUtils.getStringList(resource, "scopes_supported"),
                    JSONObjectUtils.getStringList(resource, "bearer_methods_supported"),
                    AuthorizationServerMetadata.parse(issuerPath.getBodyAsJSONObject()),
                    AuthorizationServerMetadata.parse(rootPath.getBodyAsJSONObject()));
        }
    }
}
