package org.fittrackee.keycloak.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.fittrackee.keycloak.apps.AppClients;
import org.fittrackee.keycloak.authorization.AuthorizationRequestCheck.CheckedRequest;
import org.fittrackee.keycloak.pkce.PkcePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

class AuthorizationRequestCheckTest {

    private static final String FIRST = "https://sync.example.org/first";
    private static final String SECOND = "https://sync.example.org/second";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final RealmModel realm = mock(RealmModel.class);
    private final ClientModel app = mock(ClientModel.class);
    private final ClientModel singleUriApp = mock(ClientModel.class);

    @BeforeEach
    void aRealmWithTwoApps() {
        appWith(app, "app", "[\"" + FIRST + "\",\"" + SECOND + "\"]");
        appWith(singleUriApp, "single", "[\"" + FIRST + "\"]");
    }

    @Test
    void anUnknownDisabledOrNonAppClientIsRefusedFirst() {
        ClientModel firstParty = mock(ClientModel.class);
        when(firstParty.isEnabled()).thenReturn(true);
        when(realm.getClientByClientId("fittrackee-web")).thenReturn(firstParty);
        ClientModel disabled = mock(ClientModel.class);
        appWith(disabled, "disabled", "[\"" + FIRST + "\"]");
        when(disabled.isEnabled()).thenReturn(false);

        for (String clientId : new String[] {null, "unknown", "fittrackee-web", "disabled"}) {
            assertRefused(
                    request(clientId, "https://evil.example.org", "token", "plain"),
                    AuthorizationRequestCheck.UNKNOWN_CLIENT);
        }
    }

    @Test
    void anUnregisteredRedirectUriIsRefusedBeforeTheResponseTypeAndPkce() {
        assertRefused(
                request("app", FIRST + "/more", "token", "plain"),
                AuthorizationRequestCheck.UNREGISTERED_REDIRECT_URI);
    }

    @Test
    void theResponseTypeIsCheckedBeforePkce() {
        assertRefused(
                request("app", null, "token", "plain"),
                AuthorizationRequestCheck.UNSUPPORTED_RESPONSE_TYPE);
        assertRefused(
                request("app", null, null, null),
                AuthorizationRequestCheck.UNSUPPORTED_RESPONSE_TYPE);
    }

    @Test
    void pkceIsCheckedLastAgainstTheRealmsPolicy() {
        assertThatThrownBy(() -> check(request("app", null, "code", "plain")))
                .isInstanceOf(AuthorizationError.class)
                .hasMessageStartingWith("PKCE method 'plain' is not allowed");

        when(realm.getAttribute(PkcePolicy.ALLOW_PLAIN)).thenReturn("true");
        assertThat(check(request("app", null, "code", "plain"))).isNotNull();
    }

    @Test
    void anAppWithOneUriThatSendsNoneSendsNoneOn() {
        CheckedRequest checked = check(request("single", null, "code", "S256"));

        assertThat(checked.redirectUri()).isNull();
        assertThat(checked.redirectUriImplied()).isFalse();
    }

    @Test
    void anAppWithSeveralUrisThatSendsNoneGetsTheFirstImplied() {
        CheckedRequest checked = check(request("app", null, "code", "S256"));

        assertThat(checked.redirectUri()).isEqualTo(FIRST);
        assertThat(checked.redirectUriImplied()).isTrue();
    }

    @Test
    void aRegisteredUriSentIsKeptAndNotImplied() {
        for (String sent : new String[] {FIRST, SECOND}) {
            CheckedRequest checked = check(request("app", sent, "code", null));

            assertThat(checked.redirectUri()).isEqualTo(sent);
            assertThat(checked.redirectUriImplied()).isFalse();
        }
    }

    @Test
    void theScopeIsTheRequestedOneThatTheAppRegisteredInTheRequestedOrder() {
        CheckedRequest checked =
                check(
                        withScope(
                                request("app", null, "code", null),
                                "workouts:write profile:read unknown workouts:read openid"));

        assertThat(checked.scope()).isEqualTo("workouts:write workouts:read");
    }

    @Test
    void aRequestWithNothingGrantableHasNoScope() {
        for (String scope : new String[] {null, "", "undefined", "profile:read"}) {
            CheckedRequest checked = check(withScope(request("app", null, "code", null), scope));

            assertThat(checked.scope()).as(scope).isNull();
        }
    }

    private void appWith(ClientModel client, String clientId, String redirectUrisJson) {
        when(client.isEnabled()).thenReturn(true);
        when(client.getAttribute(AppClients.APP_MARKER)).thenReturn("true");
        when(client.getAttribute(AppClients.REDIRECT_URIS)).thenReturn(redirectUrisJson);
        when(client.getAttribute(AppClients.SCOPE)).thenReturn("workouts:read workouts:write");
        when(realm.getClientByClientId(clientId)).thenReturn(client);
    }

    private CheckedRequest check(AuthorizationRequest request) {
        return AuthorizationRequestCheck.check(request, realm);
    }

    private void assertRefused(AuthorizationRequest request, String message) {
        assertThatThrownBy(() -> check(request))
                .isInstanceOf(AuthorizationError.class)
                .hasMessage(message);
    }

    /** A request with the given PKCE method, "plain" and "S256" with a challenge. */
    private static AuthorizationRequest request(
            String clientId, String redirectUri, String responseType, String pkceMethod) {
        return new AuthorizationRequest(
                responseType,
                clientId,
                redirectUri,
                "workouts:read",
                "state",
                pkceMethod == null ? null : CHALLENGE,
                pkceMethod,
                null,
                null);
    }

    private static AuthorizationRequest withScope(AuthorizationRequest request, String scope) {
        return new AuthorizationRequest(
                request.responseType(),
                request.clientId(),
                request.redirectUri(),
                scope,
                request.state(),
                request.codeChallenge(),
                request.codeChallengeMethod(),
                request.prompt(),
                request.uiLocales());
    }
}
