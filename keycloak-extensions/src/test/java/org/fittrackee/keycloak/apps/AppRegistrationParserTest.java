package org.fittrackee.keycloak.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppRegistrationParserTest {

    private static final String VALID =
            "{\"client_name\":\"Sync\",\"client_uri\":\"https://sync.example.org\","
                    + "\"redirect_uris\":[\"https://sync.example.org/cb\"],"
                    + "\"scope\":\"workouts:read\"}";

    @Test
    void aCompleteRegistrationIsRead() {
        AppRegistration registration =
                AppRegistrationParser.parse(
                        "{\"client_name\":\" Sync \",\"client_uri\":\"https://sync.example.org\","
                                + "\"client_description\":\"Copies workouts\","
                                + "\"redirect_uris\":[\"https://sync.example.org/cb\","
                                + "\"org.example.sync:/cb\",\"https://sync.example.org/cb\"],"
                                + "\"scope\":\"workouts:write bad workouts:read\"}");

        assertThat(registration.name()).isEqualTo("Sync");
        assertThat(registration.description()).isEqualTo("Copies workouts");
        assertThat(registration.website()).isEqualTo("https://sync.example.org");
        assertThat(registration.redirectUris())
                .containsExactly("https://sync.example.org/cb", "org.example.sync:/cb");
        assertThat(registration.scope()).isEqualTo("workouts:write workouts:read");
    }

    @Test
    void aMissingOrEmptyDescriptionIsNull() {
        assertThat(AppRegistrationParser.parse(VALID).description()).isNull();
        assertThat(
                        AppRegistrationParser.parse(
                                        VALID.replace("{", "{\"client_description\":\"  \","))
                                .description())
                .isNull();
        assertThat(
                        AppRegistrationParser.parse(
                                        VALID.replace("{", "{\"client_description\":null,"))
                                .description())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{}", "[]", "null", "\"text\"", "42"})
    void emptyMetadataIsMissing(String body) {
        assertRefused(body, "OAuth2 client metadata missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"a\":1,\"a\":2}"})
    void unreadableJsonIsAnInvalidPayload(String body) {
        assertRefused(body, "invalid payload");
    }

    @Test
    void missingKeysAreListedInFittrackeesOrder() {
        assertRefused(
                "{\"scope\":\"workouts:read\",\"client_uri\":\"https://a.example\"}",
                "OAuth2 client metadata missing keys: client_name, redirect_uris");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"invalid_scope\"", "1", "[\"workouts:read\"]", "null"})
    void aScopeWithoutAnyFittrackeeScopeIsInvalid(String scope) {
        assertRefused(VALID.replace("\"workouts:read\"", scope), "OAuth2 client invalid scopes");
    }

    @Test
    void scopesAreCheckedBeforeTheOtherValues() {
        String body = VALID.replace("\"Sync\"", "1").replace("\"workouts:read\"", "\"bad\"");

        assertRefused(body, "OAuth2 client invalid scopes");
    }

    @Test
    void textsLongerThanKeycloakStoresAreRefused() {
        assertRefused(
                VALID.replace("Sync", "n".repeat(256)),
                "OAuth2 client invalid client_name: at most 255 characters are allowed");
        assertThat(AppRegistrationParser.parse(VALID.replace("Sync", "n".repeat(255))).name())
                .hasSize(255);
    }

    @Test
    void aDescriptionOrWebsiteLongerThanKeycloakStoresIsRefused() {
        String withDescription = VALID.replace("{", "{\"client_description\":\"d\",");
        assertRefused(
                withDescription.replace("\"d\"", "\"" + "d".repeat(256) + "\""),
                "OAuth2 client invalid client_description: at most 255 characters are allowed");
        assertThat(
                        AppRegistrationParser.parse(
                                        withDescription.replace(
                                                "\"d\"", "\"" + "d".repeat(255) + "\""))
                                .description())
                .hasSize(255);

        String longWebsite = "https://sync.example.org/" + "p".repeat(231);
        assertRefused(
                VALID.replace("https://sync.example.org\"", longWebsite + "\""),
                "OAuth2 client invalid client_uri: at most 255 characters are allowed");
        assertThat(
                        AppRegistrationParser.parse(
                                        VALID.replace(
                                                "https://sync.example.org\"",
                                                longWebsite.substring(0, 255) + "\""))
                                .website())
                .hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\n", "\\u001b", "\\u007f", "\\u0085"})
    void controlCharactersAreRefusedInNamesAndUrls(String control) {
        assertRefused(
                VALID.replace("\"Sync\"", "\"Sy" + control + "nc\""),
                "OAuth2 client invalid client_name: control characters are not allowed");
        assertRefused(
                VALID.replace(
                        "https://sync.example.org\"", "https://sync.example.org" + control + "\""),
                "OAuth2 client invalid client_uri: control characters are not allowed");
        assertRefused(
                VALID.replace(
                        "https://sync.example.org/cb", "https://sync.example.org/c" + control),
                "OAuth2 client invalid redirect URI: must not contain control characters");
    }

    @Test
    void aDescriptionMayKeepLineBreaksButNoOtherControlCharacter() {
        String multiline = VALID.replace("{", "{\"client_description\":\"one\\ntwo\\tthree\",");
        assertThat(AppRegistrationParser.parse(multiline).description())
                .isEqualTo("one\ntwo\tthree");

        assertRefused(
                VALID.replace("{", "{\"client_description\":\"a\\u0000b\","),
                "OAuth2 client invalid client_description: control characters are not allowed");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"javascript:alert(1)", "ftp://a.example", "sync.example.org", "https://"})
    void theWebsiteMustBeAnHttpUrl(String website) {
        assertRefused(
                VALID.replace("https://sync.example.org\"", website + "\""),
                "OAuth2 client invalid client_uri: an absolute http or https URL is expected");
    }

    @Test
    void redirectUrisMustBeAListOfOneToTenUris() {
        String expected = "OAuth2 client invalid redirect_uris: a list of 1 to 10 URIs is expected";
        assertRefused(VALID.replace("[\"https://sync.example.org/cb\"]", "[]"), expected);
        assertRefused(
                VALID.replace("[\"https://sync.example.org/cb\"]", "\"https://a.example\""),
                expected);
        assertRefused(VALID.replace("[\"https://sync.example.org/cb\"]", "[1]"), expected);

        StringBuilder eleven = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"https://a.example/").append(i).append('"');
        }
        assertRefused(
                VALID.replace("[\"https://sync.example.org/cb\"]", eleven.append(']').toString()),
                expected);
    }

    @Test
    void aRefusedRedirectUriIsNamedWithTheReason() {
        assertRefused(
                VALID.replace("https://sync.example.org/cb", "http://sync.example.org/cb"),
                "OAuth2 client invalid redirect URI 'http://sync.example.org/cb': may use http"
                        + " only on a loopback host");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> AppRegistrationParser.parse(body))
                .isInstanceOf(InvalidRegistrationException.class)
                .hasMessage(message);
    }
}
