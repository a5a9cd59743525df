package org.fittrackee.keycloak.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FittrackeeScopesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "profile:write bad profile:read | profile:write profile:read",
                "workouts:read                  | workouts:read",
                "'  users:read   users:write '  | users:read users:write",
                "workouts:read workouts:read    | workouts:read",
                "application:write openid       | application:write",
                "equipments:read follow:write   | ''",
                "undefined                      | ''"
            })
    void knownScopesKeepTheirOrderAndUnknownOnesAreDropped(String scope, String known) {
        assertThat(String.join(" ", FittrackeeScopes.knownScopesOf(scope))).isEqualTo(known);
    }

    @Test
    void noScopeGivesNone() {
        assertThat(FittrackeeScopes.knownScopesOf(null)).isEmpty();
        assertThat(FittrackeeScopes.knownScopesOf(" ")).isEmpty();
    }

    @Test
    void thereAreFittrackeesSevenScopes() {
        assertThat(FittrackeeScopes.ALL)
                .containsExactly(
                        "application:write",
                        "profile:read",
                        "profile:write",
                        "users:read",
                        "users:write",
                        "workouts:read",
                        "workouts:write");
    }
}
