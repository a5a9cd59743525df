package org.fittrackee.api.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.fittrackee.api.http.FittrackeeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Tokens are Keycloak's JWTs, checked locally: signature against the realm's keys, issuer,
 * audience, type and expiry. Which endpoint needs which scope, role or state is declared on the
 * endpoint ({@link RequireAuth}) and checked by {@link AccessRuleInterceptor}; here every request
 * passes, authenticated when it carries a valid token.
 *
 * <p>NOTE: a locally validated token stays valid until it expires (at most the realm's access token
 * lifespan, 1 hour) even when Keycloak revoked it. FitTrackee's revocation takes effect at once;
 * the revocation signal planned for D11 lifts this.
 */
@Configuration
@EnableConfigurationProperties(ResourceServerSettings.class)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** How soon the realm's keys may be fetched again, for a token naming a key id they lack. */
    static final Duration KEYS_REFETCH_INTERVAL = Duration.ofSeconds(30);

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ResourceServerSettings settings, ApiHandlers handlers)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(
                        session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());

        Consumer<OAuth2ProtectedResourceMetadata.Builder> description = describedBy(settings);
        AuthenticationEntryPoint refusal = tokenRefusal(handlers);
        http.oauth2ResourceServer(
                server ->
                        server.bearerTokenResolver(bearerTokens(handlers))
                                .authenticationEntryPoint(refusal)
                                .withObjectPostProcessor(tokenCheckFailures(refusal, settings))
                                .jwt(jwt -> {})
                                .protectedResourceMetadata(
                                        metadata ->
                                                metadata.protectedResourceMetadataCustomizer(
                                                        description)));
        return http.build();
    }

    /**
     * Gives the bearer-token filter our answer to a token that could not be checked at all, which
     * Spring would otherwise rethrow as a bare 500.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> tokenCheckFailures(
            AuthenticationEntryPoint refusal, ResourceServerSettings settings) {
        return new ObjectPostProcessor<>() {
            @Override
            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                filter.setAuthenticationFailureHandler(tokenCheckFailure(refusal, settings));
                return filter;
            }
        };
    }

    /**
     * A token refused, or one that could not be checked because the realm's keys could not be
     * fetched: that is no fault of the caller's, so it gets 503 and the operator a warning naming
     * the key URL, and the caller may try again.
     */
    private static AuthenticationFailureHandler tokenCheckFailure(
            AuthenticationEntryPoint refusal, ResourceServerSettings settings) {
        return (request, response, error) -> {
            if (!(error instanceof AuthenticationServiceException)) {
                refusal.commence(request, response, error);
                return;
            }
            LOG.warn(
                    "Cannot check bearer tokens: the realm's keys at {} are unreachable ({});"
                            + " check that Keycloak is up and fittrackee.jwks-url",
                    settings.jwksUrl(),
                    error.getMessage());
            unavailable(response);
        };
    }

    /**
     * The bearer token of the {@code Authorization} header, except on the endpoints FitTrackee
     * serves without authentication ({@code GET /api/config}, {@code /api/ping}...): FitTrackee
     * never looks at the header there, so an app with a stale token still reads them.
     */
    private static BearerTokenResolver bearerTokens(ApiHandlers handlers) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request ->
                handlers.leadsTo(request, PublicEndpoint.class) ? null : header.resolve(request);
    }

    /**
     * A token that fails validation: OAuth's {@code invalid_token}, except on a first-party-only
     * endpoint, where FitTrackee checks its own tokens only and answers in its own format
     * (reference §1.2, step 4).
     */
    private static AuthenticationEntryPoint tokenRefusal(ApiHandlers handlers) {
        return (request, response, error) -> refuseToken(handlers, request, response, error);
    }

    private static void refuseToken(
            ApiHandlers handlers,
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException error)
            throws IOException {
        LOG.debug("Token refused on {}: {}", request.getRequestURI(), error.getMessage());
        if (handlers.leadsTo(request, FirstPartyOnly.class)) {
            unauthorized(response);
            return;
        }
        BearerTokenErrors.invalidToken(response);
    }

    /**
     * A URL Spring Security's firewall refuses (an encoded slash, a semicolon, a NUL...) gets
     * FitTrackee's 400 body instead of an empty page.
     */
    @Bean
    RequestRejectedHandler fittrackeeRequestRejected() {
        return (request, response, rejection) -> {
            LOG.debug("Request refused by the firewall: {}", rejection.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"status\":\"error\",\"message\":\"invalid request\"}");
        };
    }

    /** FitTrackee's error body with 503, for a request that may succeed when retried. */
    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        writeError(
                response,
                HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                FittrackeeException.SERVER_ERROR);
    }

    /** FitTrackee's 401, written from the filter, where no exception handler runs. */
    private static void unauthorized(HttpServletResponse response) throws IOException {
        writeError(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                FittrackeeException.INVALID_AUTH_TOKEN);
    }

    /** FitTrackee's error body; the message is written as is, so it must need no JSON escaping. */
    private static void writeError(HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":\"error\",\"message\":\"" + message + "\"}");
    }

    /**
     * The OAuth 2.0 Protected Resource Metadata (RFC 9728) served at {@code
     * /.well-known/oauth-protected-resource}: the realm that issues tokens for this API, and the
     * scopes it understands.
     */
    private static Consumer<OAuth2ProtectedResourceMetadata.Builder> describedBy(
            ResourceServerSettings settings) {
        return metadata ->
                metadata.authorizationServer(settings.issuerUrl())
                        .scopes(scopes -> scopes.addAll(FittrackeeScopes.ALL))
                        .resourceName("FitTrackee API")
                        .tlsClientCertificateBoundAccessTokens(false);
    }

    /**
     * The realm's keys are fetched with {@code jwks-timeout} to connect and to read (Nimbus's own
     * half second is too short for a Keycloak busy starting, and the request waiting on the keys
     * would get 503), kept for five minutes, and fetched again at most every {@link
     * #KEYS_REFETCH_INTERVAL} however many tokens name a key the realm lacks ({@link RealmKeys}).
     */
    @Bean
    JwtDecoder jwtDecoder(ResourceServerSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(realmKeys(settings)).build();
        decoder.setJwtValidator(tokenValidator(settings));
        return decoder;
    }

    private static JWKSource<SecurityContext> realmKeys(ResourceServerSettings settings) {
        int timeout = Math.toIntExact(settings.jwksTimeout().toMillis());
        DefaultResourceRetriever retriever =
                new DefaultResourceRetriever(
                        timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        URLBasedJWKSetSource<SecurityContext> realm =
                new URLBasedJWKSetSource<>(urlOf(settings.jwksUrl()), retriever);
        return JWKSourceBuilder.create(new RealmKeys(realm, KEYS_REFETCH_INTERVAL))
                .cache(
                        JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE,
                        JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .refreshAheadCache(false)
                .rateLimited(false)
                .build();
    }

    private static URL urlOf(String jwksUrl) {
        try {
            return URI.create(jwksUrl).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("fittrackee.jwks-url is not a URL: " + jwksUrl, e);
        }
    }

    /**
     * What a signed token must also be: unexpired (with the clock skew), from the realm, for this
     * resource server, and an access token (Keycloak's {@code typ} "Bearer", not an ID token).
     */
    static OAuth2TokenValidator<Jwt> tokenValidator(ResourceServerSettings settings) {
        return new DelegatingOAuth2TokenValidator<>(
                List.of(
                        new JwtTimestampValidator(settings.clockSkew()),
                        new JwtIssuerValidator(settings.issuerUrl()),
                        claimIs("aud", settings.audience()),
                        claimIs("typ", "Bearer")));
    }

    /** The claim equals the value, or, for a list claim such as "aud", contains it. */
    private static OAuth2TokenValidator<Jwt> claimIs(String claim, String expected) {
        OAuth2Error error =
                new OAuth2Error("invalid_token", "The '" + claim + "' claim is not accepted", null);
        return jwt -> {
            Object value = jwt.getClaims().get(claim);
            boolean matches =
                    value instanceof List<?> list
                            ? list.contains(expected)
                            : expected.equals(value);
            return matches
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(error);
        };
    }
}
