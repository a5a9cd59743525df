package org.fittrackee.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.fittrackee.api.security.PublicEndpoint;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.security.ResourceServerSettings;
import org.fittrackee.api.users.Role;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /api/docs/openapi.json}: every operation names the scope it needs,
 * read from its {@link RequireAuth} rule, so the document and the checks never disagree.
 */
@Configuration
public class OpenApiConfiguration {

    static final String SCHEME = "fittrackee";

    private static final Map<String, String> SCOPES =
            Map.of(
                    "application:write", "Change the instance configuration (admins)",
                    "profile:read", "Read the caller's profile and preferences",
                    "profile:write", "Edit the caller's profile and preferences",
                    "users:read", "Read the user directory and user details",
                    "users:write", "Administer users, or delete the caller's account",
                    "workouts:read", "Read workouts, sports, records and statistics",
                    "workouts:write", "Create, edit and delete workouts; manage sports (admins)");

    @Bean
    OpenAPI fittrackeeOpenApi(ResourceServerSettings settings) {
        Scopes scopes = new Scopes();
        SCOPES.forEach(scopes::addString);
        OAuthFlow authorizationCode =
                new OAuthFlow()
                        .authorizationUrl(settings.issuerUrl() + "/protocol/openid-connect/auth")
                        .tokenUrl(settings.issuerUrl() + "/protocol/openid-connect/token")
                        .scopes(scopes);
        SecurityScheme scheme =
                new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Keycloak tokens of the fittrackee realm")
                        .flows(new OAuthFlows().authorizationCode(authorizationCode));

        return new OpenAPI()
                .info(
                        new Info()
                                .title("FitTrackee API")
                                .version(settings.version())
                                .description(
                                        "FitTrackee's workouts, users, profile and application"
                                                + " endpoints. Each operation lists the OAuth scope"
                                                + " it needs; first-party tokens carry every"
                                                + " scope."))
                .components(new Components().addSecuritySchemes(SCHEME, scheme));
    }

    @Bean
    OperationCustomizer accessRules() {
        return (operation, handler) -> {
            RequireAuth rule = handler.getMethodAnnotation(RequireAuth.class);
            if (rule != null) {
                operation.addSecurityItem(new SecurityRequirement().addList(SCHEME, rule.scope()));
                operation.description(joined(operation.getDescription(), describe(rule)));
            } else if (handler.hasMethodAnnotation(PublicEndpoint.class)) {
                operation.description(joined(operation.getDescription(), "No authentication."));
            }
            return operation;
        };
    }

    static String describe(RequireAuth rule) {
        StringBuilder text = new StringBuilder("Scope: `").append(rule.scope()).append("`.");
        if (rule.role() != Role.USER) {
            text.append(" Role: ").append(rule.role().jsonName()).append(" or above.");
        }
        if (rule.optional()) {
            text.append(" Also answers anonymously when no token is sent.");
        }
        if (!rule.allowSuspended()) {
            text.append(" Not for suspended users.");
        }
        return text.toString();
    }

    private static String joined(String existing, String added) {
        return existing == null || existing.isBlank() ? added : existing + "\n\n" + added;
    }
}
