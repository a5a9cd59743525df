package org.fittrackee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.fittrackee.stack.StackSettings.StackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackSettingsTest {

    private static final StackFiles FILES =
            new StackFiles(Path.of("kc"), Path.of("p.jar"), Path.of("r.json"), null, null);

    @Test
    void aPortThatIsNotANumberIsNamedWithItsVariable() {
        assertThatThrownBy(() -> from(Map.of("FITTRACKEE_PORT", "http")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "FITTRACKEE_PORT=http is not a port number: use a number from 1 to 65535");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> from(Map.of("FITTRACKEE_API_PORT", "70000")))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("FITTRACKEE_API_PORT=70000 is not a port number");
    }

    @Test
    void theSamePortGivenToTwoVariablesIsRefusedNamingBoth() {
        assertThatThrownBy(() -> from(Map.of("FITTRACKEE_API_PORT", "8180")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "FITTRACKEE_KEYCLOAK_PORT and FITTRACKEE_API_PORT are both 8180: give each"
                                + " part a port of its own");
    }

    @Test
    void withoutTheBuiltJarsItSaysHowToBuildThem() {
        assertThatThrownBy(() -> StackSettings.from(Map.of(), Path.of(".")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("./mvnw -Pstack package");
    }

    @Test
    void aDatabaseUrlThatIsNotAPostgresJdbcUrlIsRefusedWithoutShowingItsQuery() {
        assertThatThrownBy(
                        () ->
                                from(
                                        Map.of(
                                                "FITTRACKEE_DATABASE_URL",
                                                "postgres://db:5432/fittrackee?password=secret")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "FITTRACKEE_DATABASE_URL=postgres://db:5432/fittrackee?... is not a"
                                + " PostgreSQL JDBC URL: write it as"
                                + " jdbc:postgresql://host:port/database, or unset it to use the"
                                + " embedded PostgreSQL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FITTRACKEE_DATABASE_USERNAME", "FITTRACKEE_DATABASE_PASSWORD"})
    void aDatabaseAccountWithoutADatabaseUrlIsRefused(String variable) {
        assertThatThrownBy(() -> from(Map.of(variable, "fittrackee")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        variable
                                + " is set but FITTRACKEE_DATABASE_URL is not: set the URL of the"
                                + " PostgreSQL it belongs to, or unset "
                                + variable
                                + " to use the embedded PostgreSQL");
    }

    @Test
    void anEmptyAdminPasswordIsRefused() {
        assertThatThrownBy(() -> from(Map.of("FITTRACKEE_ADMIN_PASSWORD", " ")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "FITTRACKEE_ADMIN_PASSWORD is empty: set the Keycloak admin's password, or"
                                + " unset it to use admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org", "203.0.113.7", "300.1.1.1", "*"})
    void aBindAddressThatIsNotAnAddressOfThisMachineIsRefused(String address) {
        assertThatThrownBy(() -> from(Map.of("FITTRACKEE_BIND_ADDRESS", address)))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "FITTRACKEE_BIND_ADDRESS="
                                + address
                                + " is not an IP address of this machine: use 127.0.0.1 (the"
                                + " default), 0.0.0.0 for every interface, or one of its"
                                + " addresses");
    }

    @Test
    void trustedProxiesThatAreNoRegularExpressionAreRefused() {
        assertThatThrownBy(() -> from(Map.of("FITTRACKEE_TRUSTED_PROXIES", "10.0.0.(5")))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith(
                        "FITTRACKEE_TRUSTED_PROXIES=10.0.0.(5 is not a Java regular expression (");
    }

    @Test
    void byDefaultTheGatewayListensOnLoopbackAndBelievesNoProxy() {
        StackSettings settings = from(Map.of());

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.gatewayIsExposed()).isFalse();
        assertThat(settings.trustedProxies()).isEmpty();
        assertThat(settings.portsInOrder())
                .containsExactly(
                        Map.entry("FITTRACKEE_PORT", 5000),
                        Map.entry("FITTRACKEE_KEYCLOAK_PORT", 8180),
                        Map.entry("FITTRACKEE_KEYCLOAK_MANAGEMENT_PORT", 9180),
                        Map.entry("FITTRACKEE_API_PORT", 5001));
    }

    @Test
    void everyInterfaceMayBeChosenForTheGateway() {
        StackSettings settings = from(Map.of("FITTRACKEE_BIND_ADDRESS", "0.0.0.0"));

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.gatewayIsExposed()).isTrue();
    }

    @Test
    void theDemoUserIsMadeByDefaultWhileTheGatewayListensOnLoopbackOnly() {
        assertThat(from(Map.of()).demoUser()).isTrue();
        assertThat(from(Map.of("FITTRACKEE_BIND_ADDRESS", "0.0.0.0")).demoUser()).isFalse();
    }

    @Test
    void theDemoUserSettingOverridesTheDefaultEitherWay() {
        assertThat(
                        from(Map.of(
                                        "FITTRACKEE_BIND_ADDRESS",
                                        "0.0.0.0",
                                        "FITTRACKEE_DEMO_USER",
                                        "true"))
                                .demoUser())
                .isTrue();
        assertThat(from(Map.of("FITTRACKEE_DEMO_USER", "FALSE")).demoUser()).isFalse();
    }

    @Test
    void aDemoUserSettingThatIsNeitherTrueNorFalseIsRefused() {
        assertThatThrownBy(() -> from(Map.of("FITTRACKEE_DEMO_USER", "yes")))
                .isInstanceOf(StackException.class)
                .hasMessage(
                        "FITTRACKEE_DEMO_USER=yes is neither true nor false: set true to have the"
                                + " demo user made when it is missing, false not to, or unset it"
                                + " (true unless FITTRACKEE_BIND_ADDRESS exposes the gateway)");
    }

    private static StackSettings from(Map<String, String> env) {
        return StackSettings.from(env, FILES);
    }
}
