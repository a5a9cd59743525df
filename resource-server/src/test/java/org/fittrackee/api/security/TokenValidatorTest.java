package org.fittrackee.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidatorTest {

    private static final String ISSUER = "http://localhost:8180/realms/fittrackee";

    private final OAuth2TokenValidator<Jwt> validator =
            SecurityConfiguration.tokenValidator(
                    new ResourceServerSettings(
                            ISSUER,
                            ISSUER + "/certs",
                            Duration.ofSeconds(5),
                            "fittrackee-api",
                            Duration.ofSeconds(30),
                            "1",
                            Set.of("fittrackee-web")));

    @Test
    void anAccessTokenOfTheRealmForTheApiIsAccepted() {
        assertThat(validator.validate(token(builder -> builder)).hasErrors()).isFalse();
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertRefused(builder -> builder.issuer("http://localhost:8180/realms/master"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(builder -> builder.audience(List.of("account")));
    }

    @Test
    void anIdTokenIsRefused() {
        assertRefused(builder -> builder.claim("typ", "ID"));
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheClockSkew() {
        Instant now = Instant.now();
        assertRefused(
                builder ->
                        builder.issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(31)));
        assertThat(
                        validator
                                .validate(
                                        token(
                                                builder ->
                                                        builder.issuedAt(now.minusSeconds(3600))
                                                                .expiresAt(now.minusSeconds(10))))
                                .hasErrors())
                .isFalse();
    }

    private void assertRefused(UnaryOperator<Jwt.Builder> change) {
        assertThat(validator.validate(token(change)).hasErrors()).isTrue();
    }

    private static Jwt token(UnaryOperator<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder builder =
                Jwt.withTokenValue("token")
                        .header("alg", "RS256")
                        .issuer(ISSUER)
                        .audience(List.of("fittrackee-api"))
                        .subject("user")
                        .claim("typ", "Bearer")
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(3600));
        return change.apply(builder).build();
    }
}
