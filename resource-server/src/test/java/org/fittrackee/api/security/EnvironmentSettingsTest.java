package org.fittrackee.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings an operator gives as environment variables win over {@code application.yml}, as
 * Spring Boot reads them: the database URL reaches the data source, and the issuer URL the token
 * check and the default key URL derived from it.
 */
class EnvironmentSettingsTest {

    @Test
    void environmentVariablesOverrideTheDatabaseAndIssuerUrls() throws Exception {
        StandardEnvironment environment =
                environmentWith(
                        Map.of(
                                "FITTRACKEE_DATABASE_URL",
                                "jdbc:postgresql://db.internal:5433/fittrackee_prod",
                                "FITTRACKEE_ISSUER_URL",
                                "https://sso.example.org/realms/fittrackee"));

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.internal:5433/fittrackee_prod");
        ResourceServerSettings settings = settingsOf(environment);
        assertThat(settings.issuerUrl()).isEqualTo("https://sso.example.org/realms/fittrackee");
        assertThat(settings.jwksUrl())
                .isEqualTo(
                        "https://sso.example.org/realms/fittrackee/protocol/openid-connect/certs");
    }

    @Test
    void withoutEnvironmentVariablesTheFileDefaultsApply() throws Exception {
        StandardEnvironment environment = environmentWith(Map.of());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/fittrackee");
        assertThat(settingsOf(environment).issuerUrl())
                .isEqualTo("http://localhost:8180/realms/fittrackee");
    }

    @Test
    void aKeyUrlOfItsOwnWinsOverTheOneDerivedFromTheIssuer() throws Exception {
        StandardEnvironment environment =
                environmentWith(
                        Map.of(
                                "FITTRACKEE_ISSUER_URL",
                                "https://sso.example.org/realms/fittrackee",
                                "FITTRACKEE_JWKS_URL",
                                "http://keycloak:8080/realms/fittrackee/protocol/openid-connect"
                                        + "/certs"));

        assertThat(settingsOf(environment).jwksUrl())
                .isEqualTo("http://keycloak:8080/realms/fittrackee/protocol/openid-connect/certs");
    }

    @Test
    void theKeyFetchTimeoutIsFiveSecondsUnlessTheEnvironmentSaysOtherwise() throws Exception {
        assertThat(settingsOf(environmentWith(Map.of())).jwksTimeout())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(
                        settingsOf(environmentWith(Map.of("FITTRACKEE_JWKS_TIMEOUT", "20s")))
                                .jwksTimeout())
                .isEqualTo(Duration.ofSeconds(20));
    }

    /** application.yml under an environment holding only the given variables. */
    private static StandardEnvironment environmentWith(Map<String, Object> variables)
            throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        return environment;
    }

    private static ResourceServerSettings settingsOf(StandardEnvironment environment) {
        return Binder.get(environment).bind("fittrackee", ResourceServerSettings.class).get();
    }
}
