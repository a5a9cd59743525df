package org.fittrackee.keycloak.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppsSettingsTest {

    @Test
    void listsAreTrimmedWithoutEmptyValuesOrRepeats() {
        assertThat(AppsSettings.listOf(" basic, ,fittrackee-api-audience,basic,"))
                .containsExactly("basic", "fittrackee-api-audience");
    }

    @Test
    void theDefaultsNameTheRealmsClients() {
        assertThat(AppsSettings.listOf(AppsSettings.DEFAULT_FIRST_PARTY_CLIENT_IDS))
                .containsExactly("fittrackee-web");
        assertThat(AppsSettings.listOf(AppsSettings.DEFAULT_APP_CLIENT_SCOPES))
                .containsExactly("basic", "fittrackee-api-audience", "offline_access");
    }
}
