package org.fittrackee.keycloak.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.ClientRepresentation;

class AppClientsTest {

    private static final List<String> DEFAULT_SCOPES =
            List.of("basic", "fittrackee-api-audience", "offline_access");

    private final KeycloakSession session = mock(KeycloakSession.class, RETURNS_DEEP_STUBS);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel owner = mock(UserModel.class);

    private final AppRegistration registration =
            new AppRegistration(
                    "Workout sync",
                    "Copies workouts",
                    "https://sync.example.org",
                    List.of("https://sync.example.org/b", "https://sync.example.org/a"),
                    List.of("workouts:write", "workouts:read"));

    @BeforeEach
    void anOwnerWithoutApps() {
        when(owner.getId()).thenReturn("owner-id");
        when(session.clients().searchClientsByAttributes(any(), any(), any(), any()))
                .thenAnswer(invocation -> Stream.empty());
    }

    @Test
    void anAppIsAConfidentialClientWithTheStandardFlowOnly() {
        ClientRepresentation client = clientFor(registration);

        assertThat(client.getProtocol()).isEqualTo("openid-connect");
        assertThat(client.isPublicClient()).isFalse();
        assertThat(client.isBearerOnly()).isFalse();
        assertThat(client.getClientAuthenticatorType()).isEqualTo("client-secret");
        assertThat(client.isStandardFlowEnabled()).isTrue();
        assertThat(client.isImplicitFlowEnabled()).isFalse();
        assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(client.isServiceAccountsEnabled()).isFalse();
        assertThat(client.isConsentRequired()).isTrue();
        assertThat(client.isFullScopeAllowed()).isFalse();
        assertThat(client.isFrontchannelLogout()).isFalse();
        assertThat(client.getWebOrigins()).isEmpty();
    }

    @Test
    void theRegistrationGivesNameDescriptionWebsiteAndRedirectUris() {
        ClientRepresentation client = clientFor(registration);

        assertThat(client.getName()).isEqualTo("Workout sync");
        assertThat(client.getDescription()).isEqualTo("Copies workouts");
        assertThat(client.getBaseUrl()).isEqualTo("https://sync.example.org");
        assertThat(client.getRedirectUris())
                .containsExactly("https://sync.example.org/b", "https://sync.example.org/a");
        assertThat(client.getAttributes())
                .containsEntry(
                        AppClients.REDIRECT_URIS,
                        "[\"https://sync.example.org/b\",\"https://sync.example.org/a\"]");
    }

    @Test
    void theRegisteredScopesAreOptionalAndTheConfiguredOnesDefault() {
        ClientRepresentation client = clientFor(registration);

        assertThat(client.getDefaultClientScopes()).isEqualTo(DEFAULT_SCOPES);
        assertThat(client.getOptionalClientScopes())
                .containsExactly("workouts:write", "workouts:read");
        assertThat(client.getAttributes())
                .containsEntry(AppClients.SCOPE, "workouts:write workouts:read");
    }

    @Test
    void theClientIsMarkedAsTheOwnersAppWithIdAndIssueTime() {
        long before = System.currentTimeMillis();

        ClientRepresentation client = clientFor(registration);

        assertThat(client.getAttributes())
                .containsEntry(AppClients.APP_MARKER, "true")
                .containsEntry(AppClients.OWNER, "owner-id")
                .containsEntry("use.refresh.tokens", "true")
                .containsEntry("client.use.lightweight.access.token.enabled", "false");
        long appId = Long.parseLong(client.getAttributes().get(AppClients.APP_ID));
        assertThat(appId / 1000).isBetween(before, System.currentTimeMillis());
        long issuedAt = Long.parseLong(client.getAttributes().get(AppClients.ISSUED_AT));
        assertThat(issuedAt).isBetween(before / 1000, System.currentTimeMillis() / 1000);
    }

    @Test
    void clientIdAndSecretAreRandomLettersAndDigitsOfFittrackeesLengths() {
        ClientRepresentation first = clientFor(registration);
        ClientRepresentation second = clientFor(registration);

        assertThat(first.getClientId()).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(first.getSecret()).hasSize(48).matches("[A-Za-z0-9]+");
        assertThat(second.getClientId()).isNotEqualTo(first.getClientId());
        assertThat(second.getSecret()).isNotEqualTo(first.getSecret());
    }

    @Test
    void anAppWithoutDescriptionHasNone() {
        AppRegistration withoutDescription =
                new AppRegistration(
                        "Sync",
                        null,
                        "https://sync.example.org",
                        List.of("https://sync.example.org/cb"),
                        List.of("workouts:read"));

        assertThat(clientFor(withoutDescription).getDescription()).isNull();
    }

    private ClientRepresentation clientFor(AppRegistration app) {
        return new AppClients(session, realm, DEFAULT_SCOPES).clientFor(owner, app);
    }
}
