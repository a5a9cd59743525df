package org.fittrackee.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The token decoder against a realm served over real HTTP on this machine, counting the requests
 * for its keys: tokens naming key ids the realm lacks never make it ask again and again.
 */
class RealmKeysFetchTest {

    private static final String ISSUER = "http://localhost:8180/realms/fittrackee";

    private final AtomicInteger keyFetches = new AtomicInteger();
    private RSAKey realmKey;
    private HttpServer realm;
    private JwtDecoder decoder;

    @BeforeEach
    void serveTheRealmsKeys() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        byte[] keySet =
                new JWKSet(realmKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        realm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        realm.createContext(
                "/certs",
                exchange -> {
                    keyFetches.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, keySet.length);
                    exchange.getResponseBody().write(keySet);
                    exchange.close();
                });
        realm.start();
        String jwksUrl = "http://127.0.0.1:" + realm.getAddress().getPort() + "/certs";
        decoder =
                new SecurityConfiguration()
                        .jwtDecoder(
                                new ResourceServerSettings(
                                        ISSUER,
                                        jwksUrl,
                                        Duration.ofSeconds(5),
                                        "fittrackee-api",
                                        Duration.ofSeconds(30),
                                        "test",
                                        Set.of()));
    }

    @AfterEach
    void stopTheRealm() {
        realm.stop(0);
    }

    @Test
    void tokensNamingKeysTheRealmLacksFetchItsKeysOnceAndAreRefused() throws Exception {
        int tokens = 25;

        for (int i = 0; i < tokens; i++) {
            String token = signed(UUID.randomUUID().toString());
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
        }

        assertThat(keyFetches.get()).isEqualTo(1);
    }

    @Test
    void aTokenOfTheRealmsKeyIsStillAcceptedAfterTokensNamingOtherKeys() throws Exception {
        for (int i = 0; i < 10; i++) {
            String token = signed(UUID.randomUUID().toString());
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
        }

        Jwt accepted = decoder.decode(signed("realm-key"));

        assertThat(accepted.getSubject()).isEqualTo("athlete");
        assertThat(keyFetches.get()).isEqualTo(1);
    }

    /** An access token of the realm, signed with the realm's key, naming the given key id. */
    private String signed(String keyId) throws Exception {
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject("athlete")
                        .audience("fittrackee-api")
                        .claim("typ", "Bearer")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(keyId)
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims);
        jwt.sign(new RSASSASigner(realmKey));
        return jwt.serialize();
    }
}
