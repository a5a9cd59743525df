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
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import java.io.IOException;
import java.net.URI;

/**
 * A third-party FitTrackee app as a developer writes one with a standard OAuth library (the Nimbus
 * OAuth 2.0 SDK): it knows FitTrackee's base URL, its client id and secret, and its redirect URI,
 * and nothing of Keycloak.
 */
final class ThirdPartyApp {

    private final String baseUrl;
    private final ClientID clientId;
    private final ClientAuthentication authentication;
    private final URI redirectUri;

    ThirdPartyApp(String baseUrl, String clientId, String clientSecret, URI redirectUri) {
        this.baseUrl = baseUrl;
        this.clientId = new ClientID(clientId);
        // FitTrackee apps send their credentials in the form body.
        this.authentication = new ClientSecretPost(this.clientId, new Secret(clientSecret));
        this.redirectUri = redirectUri;
    }

    /** A fresh authorization: new state and PKCE verifier, and the URL to send the user to. */
    Authorization authorize(Scope scope) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request =
                new AuthorizationRequest.Builder(
                                new ResponseType(ResponseType.Value.CODE), clientId)
                        .endpointURI(URI.create(baseUrl + "/profile/apps/authorize"))
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
        URI endpoint = URI.create(baseUrl + "/api/oauth/revoke");
        return new TokenRevocationRequest(endpoint, authentication, token).toHTTPRequest().send();
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
        URI endpoint = URI.create(baseUrl + "/api/oauth/token");
        HTTPResponse response =
                new TokenRequest.Builder(endpoint, authentication, grant)
                        .build()
                        .toHTTPRequest()
                        .send();
        return TokenResponse.parse(response);
    }

    private URI api(String path) {
        return URI.create(baseUrl + "/api" + path);
    }

    /** What the app keeps while the user is away: the state to check and the PKCE verifier. */
    record Authorization(URI url, State state, CodeVerifier verifier) {}
}
