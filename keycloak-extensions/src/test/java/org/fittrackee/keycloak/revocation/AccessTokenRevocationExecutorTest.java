package org.fittrackee.keycloak.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.fittrackee.keycloak.apps.AppClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRevokeContext;
import org.keycloak.services.clientpolicy.context.TokenRevokeResponseContext;

class AccessTokenRevocationExecutorTest {

    private final KeycloakSession session = mock(KeycloakSession.class, RETURNS_DEEP_STUBS);
    private final RealmModel realm = mock(RealmModel.class);
    private final ClientModel app = mock(ClientModel.class);
    private final GrantRevocation grants = mock(GrantRevocation.class);
    private final AccessTokenRevocationExecutor executor =
            new AccessTokenRevocationExecutor(session, grants);

    @BeforeEach
    void anApp() {
        when(app.getClientId()).thenReturn("app");
        when(app.getAttribute(AppClients.APP_MARKER)).thenReturn("true");
        when(session.getContext().getRealm()).thenReturn(realm);
    }

    @Test
    void anAppsAccessTokenNamesItsGrant() {
        for (String type : new String[] {"Bearer", "DPoP"}) {
            assertThat(grantOf(token(type, "app", "s"))).as(type).contains(grant("s"));
        }
    }

    @Test
    void aRefreshTokenNamesNoGrantSinceKeycloakEndedItAlready() {
        for (String type : new String[] {"Refresh", "Offline"}) {
            assertThat(grantOf(token(type, "app", "s"))).as(type).isEmpty();
        }
    }

    @Test
    void aTokenOfAnotherClientOrWithoutSessionNamesNoGrant() {
        assertThat(grantOf(token("Bearer", "other", "s"))).isEmpty();
        assertThat(grantOf(token("Bearer", "app", null))).isEmpty();
    }

    @Test
    void aClientThatIsNoAppKeepsKeycloaksRevocation() {
        when(app.getAttribute(AppClients.APP_MARKER)).thenReturn(null);

        assertThat(grantOf(token("Bearer", "app", "s"))).isEmpty();
    }

    @Test
    void aRevokedAccessTokenEndsItsGrant() throws ClientPolicyException {
        revoking(token("Bearer", "app", "s"));

        executor.executeOnEvent(new TokenRevokeResponseContext(app, form()));

        verify(grants).end(grant("s"));
    }

    @Test
    void nothingEndsBeforeKeycloakHasRevokedTheToken() throws ClientPolicyException {
        revoking(token("Bearer", "app", "s"));

        executor.executeOnEvent(new TokenRevokeContext(app, form()));

        verify(grants, never()).end(any());
    }

    @Test
    void aGrantThatCannotEndFailsTheRevocationAndRollsItBack() {
        revoking(token("Bearer", "app", "s"));
        when(grants.end(any())).thenThrow(new IllegalStateException("sessions unavailable"));

        ClientPolicyException refused =
                catchThrowableOfType(
                        ClientPolicyException.class,
                        () -> executor.executeOnEvent(new TokenRevokeResponseContext(app, form())));

        assertThat(refused.getErrorStatus()).isEqualTo(Response.Status.SERVICE_UNAVAILABLE);
        assertThat(refused.getError()).isEqualTo("temporarily_unavailable");
        verify(session.getTransactionManager()).setRollbackOnly();
    }

    private Optional<Grant> grantOf(AccessToken token) {
        return AccessTokenRevocationExecutor.grantOf(realm, app, token);
    }

    private Grant grant(String userSessionId) {
        return new Grant(realm, userSessionId, app);
    }

    private void revoking(AccessToken token) {
        TokenManager tokens = mock(TokenManager.class);
        when(session.tokens()).thenReturn(tokens);
        when(tokens.decode("encoded", AccessToken.class)).thenReturn(token);
    }

    private static MultivaluedMap<String, String> form() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("token", "encoded");
        return form;
    }

    private static AccessToken token(String type, String issuedFor, String sessionId) {
        AccessToken token = new AccessToken();
        token.type(type);
        token.issuedFor(issuedFor);
        token.setSessionId(sessionId);
        return token;
    }
}
