package org.fittrackee.keycloak.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sync.example.org/callback",
                "https://sync.example.org:8443/callback?from=fittrackee",
                "HTTPS://sync.example.org/callback",
                "http://localhost/callback",
                "http://localhost:5000/callback",
                "http://127.0.0.1:8000/callback",
                "http://[::1]:9000/callback",
                "org.example.sync:/oauth/callback",
                "com.example.app://callback"
            })
    void acceptedRedirectUris(String redirectUri) {
        assertThat(RedirectUriRules.problemWith(redirectUri)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://sync.example.org/callback | may use http only on a loopback host",
                "http://localhost.example.org/cb  | may use http only on a loopback host",
                "https://sync.example.org/*       | must not contain a wildcard",
                "https://sync.example.org/cb#top  | must not contain a fragment",
                "/callback                        | must be an absolute URI",
                "https://user:pw@sync.example.org | must not contain user information",
                "https:///callback                | must name a host",
                "not a uri                        | is not a valid URI",
                "'   '                            | must not be empty"
            })
    void refusedRedirectUris(String redirectUri, String problem) {
        assertThat(RedirectUriRules.problemWith(redirectUri)).contains(problem);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:text/html,hello",
                "file:///etc/passwd",
                "myapp:/callback",
                "ftp://sync.example.org/cb"
            })
    void schemesThatAreNeitherWebNorReverseDomainAreRefused(String redirectUri) {
        assertThat(RedirectUriRules.problemWith(redirectUri))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("must use https"));
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void uriLengthIsLimitedToWhatKeycloakStores(int length) {
        String prefix = "https://sync.example.org/";
        String redirectUri = prefix + "p".repeat(length - prefix.length());

        assertThat(RedirectUriRules.problemWith(redirectUri).isEmpty()).isEqualTo(length <= 255);
    }
}
