package org.fittrackee.api.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are checked: the realm's issuer, where its keys are and how long fetching them may
 * take, the audience the resource server answers to, and the clock skew allowed on expiry.
 */
@ConfigurationProperties(prefix = "fittrackee")
public record ResourceServerSettings(
        String issuerUrl,
        String jwksUrl,
        Duration jwksTimeout,
        String audience,
        Duration clockSkew,
        String version,
        Set<String> firstPartyClientIds) {

    public ResourceServerSettings {
        jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(5) : jwksTimeout;
        firstPartyClientIds =
                firstPartyClientIds == null ? Set.of() : Set.copyOf(firstPartyClientIds);
    }
}
