package org.fittrackee.keycloak.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;

class AppRepresentationTest {

    @Test
    void theIssueDateSpellsTheMonthInFullAsFittrackeeDoes() {
        assertThat(AppRepresentation.issuedAt("1653738796"))
                .isEqualTo("Sat, 28 May 2022 11:53:16 GMT");
        assertThat(AppRepresentation.issuedAt("1657780073"))
                .isEqualTo("Thu, 14 July 2022 06:27:53 GMT");
    }

    @Test
    void anAppWithoutIssueDateHasNone() {
        assertThat(AppRepresentation.issuedAt(null)).isNull();
    }

    @Test
    void anAppHasFittrackeesKeysInFittrackeesOrderAndNoSecret() {
        Map<String, Object> app = AppRepresentation.of(appClient());

        assertThat(app)
                .containsExactly(
                        Map.entry("client_id", "Q7mR2xL9aT4vB8nK1cY6pW3z"),
                        Map.entry("client_description", "Copies workouts"),
                        Map.entry("id", 1653738796000042L),
                        Map.entry("issued_at", "Sat, 28 May 2022 11:53:16 GMT"),
                        Map.entry("name", "Workout sync"),
                        Map.entry(
                                "redirect_uris",
                                List.of(
                                        "https://sync.example.org/b",
                                        "https://sync.example.org/a")),
                        Map.entry("scope", "workouts:write workouts:read"),
                        Map.entry("website", "https://sync.example.org"));
    }

    @Test
    void theSecretIsAddedOnlyWhenGiven() {
        Map<String, Object> app = AppRepresentation.withSecret(appClient(), "s".repeat(48));

        assertThat(app).containsEntry("client_secret", "s".repeat(48));
        assertThat(AppRepresentation.of(appClient())).doesNotContainKey("client_secret");
    }

    @Test
    void aMissingDescriptionIsNull() {
        ClientModel client = appClient();
        when(client.getDescription()).thenReturn(null);

        assertThat(AppRepresentation.of(client))
                .containsEntry("client_description", null)
                .containsKey("client_description");
    }

    @Test
    void redirectUrisComeFromKeycloakWhenTheOrderedListIsMissing() {
        ClientModel client = appClient();
        when(client.getAttribute(AppClients.REDIRECT_URIS)).thenReturn(null);
        when(client.getRedirectUris()).thenReturn(Set.of("https://sync.example.org/cb"));

        assertThat(AppRepresentation.of(client).get("redirect_uris"))
                .isEqualTo(List.of("https://sync.example.org/cb"));
    }

    private static ClientModel appClient() {
        ClientModel client = mock(ClientModel.class);
        when(client.getClientId()).thenReturn("Q7mR2xL9aT4vB8nK1cY6pW3z");
        when(client.getDescription()).thenReturn("Copies workouts");
        when(client.getName()).thenReturn("Workout sync");
        when(client.getBaseUrl()).thenReturn("https://sync.example.org");
        when(client.getAttribute(AppClients.APP_ID)).thenReturn("1653738796000042");
        when(client.getAttribute(AppClients.ISSUED_AT)).thenReturn("1653738796");
        when(client.getAttribute(AppClients.SCOPE)).thenReturn("workouts:write workouts:read");
        when(client.getAttribute(AppClients.REDIRECT_URIS))
                .thenReturn("[\"https://sync.example.org/b\",\"https://sync.example.org/a\"]");
        when(client.getRedirectUris())
                .thenReturn(Set.of("https://sync.example.org/a", "https://sync.example.org/b"));
        return client;
    }
}
