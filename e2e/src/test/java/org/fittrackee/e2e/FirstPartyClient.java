package org.fittrackee.e2e;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.io.IOException;
import java.net.URI;
import org.fittrackee.keycloak.testing.AdminApi;

/**
 * How FitTrackee's own web client signs a user in, so that the user can register apps: the public
 * client {@code fittrackee-web} with PKCE S256, answered at {@code {base URL}/auth/callback}.
 */
final class FirstPartyClient {

    private static final ClientID CLIENT_ID = new ClientID("fittrackee-web");

    private final ProductStack stack;

    FirstPartyClient(ProductStack stack) {
        this.stack = stack;
    }

    /** Logs the user in with the browser and returns the web client's access token. */
    AccessToken signIn(ChromiumBrowser browser, AdminApi.TestUser user)
            throws IOException, ParseException {
        URI callback = URI.create(stack.publicUrl() + "/auth/callback");
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        // The web client is no third-party app, so it uses Keycloak's endpoint: the FitTrackee
        // path /profile/apps/authorize serves apps only.
        AuthorizationRequest request =
                new AuthorizationRequest.Builder(
                                new ResponseType(ResponseType.Value.CODE), CLIENT_ID)
                        .endpointURI(URI.create(stack.issuer() + "/protocol/openid-connect/auth"))
                        .redirectionURI(callback)
                        .state(state)
                        .codeChallenge(verifier, CodeChallengeMethod.S256)
                        .build();

        browser.open(request.toURI());
        browser.logIn(user);
        // The web client's own page is not part of this product (the gateway answers 404 there);
        // the code is in the address, where the web client reads it.
        AuthorizationResponse answer =
                AuthorizationResponse.parse(browser.awaitAddressStartingWith(callback.toString()));
        if (!answer.indicatesSuccess() || !state.equals(answer.getState())) {
            throw new AssertionError("The web client's sign-in failed: " + answer.toURI());
        }

        TokenResponse token =
                TokenResponse.parse(
                        new TokenRequest.Builder(
                                        URI.create(stack.publicUrl() + "/api/oauth/token"),
                                        CLIENT_ID,
                                        new AuthorizationCodeGrant(
                                                answer.toSuccessResponse().getAuthorizationCode(),
                                                callback,
                                                verifier))
                                .build()
                                .toHTTPRequest()
                                .send());
        if (!token.indicatesSuccess()) {
            throw new AssertionError(
                    "The web client's token was refused: "
                            + token.toErrorResponse().getErrorObject());
        }
        return token.toSuccessResponse().getTokens().getAccessToken();
    }
}
