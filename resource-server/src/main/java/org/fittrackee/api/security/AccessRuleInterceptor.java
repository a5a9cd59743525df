package org.fittrackee.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.Role;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies each endpoint's {@link RequireAuth} rule in FitTrackee's order (reference §1.2): a token,
 * its scope, an active user, suspension, then role. The caller is then available to the handler as
 * an {@link AuthenticatedUser} argument.
 */
@Component
public class AccessRuleInterceptor implements HandlerInterceptor {

    public static final String CALLER = AccessRuleInterceptor.class.getName() + ".caller";

    private final UserRepository users;
    private final ResourceServerSettings settings;

    public AccessRuleInterceptor(UserRepository users, ResourceServerSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (method.hasMethodAnnotation(PublicEndpoint.class) || !isApiHandler(method)) {
            return true;
        }

        boolean firstPartyOnly = method.hasMethodAnnotation(FirstPartyOnly.class);
        if (firstPartyOnly) {
            requireFirstPartyToken();
        }
        RequireAuth rule = method.getMethodAnnotation(RequireAuth.class);
        if (rule == null && !firstPartyOnly) {
            throw new IllegalStateException(
                    method + " declares neither @RequireAuth, @FirstPartyOnly nor @PublicEndpoint");
        }
        AuthenticatedUser caller = callerOf(rule);
        request.setAttribute(CALLER, caller);
        return true;
    }

    /** FitTrackee answers a missing, invalid or third-party token here with its own 401. */
    private void requireFirstPartyToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean firstParty =
                authentication instanceof JwtAuthenticationToken token
                        && settings.firstPartyClientIds()
                                .contains(token.getToken().getClaimAsString("azp"));
        if (!firstParty) {
            throw FittrackeeException.unauthorized();
        }
    }

    private static boolean isApiHandler(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("org.fittrackee.api");
    }

    /** The caller under the rule; a null rule is a first-party endpoint without scope. */
    private AuthenticatedUser callerOf(RequireAuth rule) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            if (rule != null && rule.optional()) {
                return null;
            }
            throw FittrackeeException.unauthorized();
        }

        Jwt jwt = token.getToken();
        Set<String> scopes = scopesOf(jwt);
        if (rule != null && !scopes.contains(rule.scope())) {
            throw new InsufficientScopeException(rule.scope());
        }

        User user = userOf(jwt);
        if (!user.isActive()) {
            throw FittrackeeException.unauthorized();
        }
        if (user.isSuspended() && (rule == null || !rule.allowSuspended())) {
            throw FittrackeeException.suspended();
        }
        if (rule != null && !user.role().isAtLeast(rule.role())) {
            throw FittrackeeException.forbidden();
        }
        return new AuthenticatedUser(user, scopes, jwt.getClaimAsString("azp"));
    }

    private User userOf(Jwt jwt) {
        List<String> realmRoles = realmRolesOf(jwt);
        String username = jwt.getClaimAsString("preferred_username");
        return users.upsertFromToken(
                jwt.getSubject(),
                username == null ? jwt.getSubject() : username,
                Role.highestOf(realmRoles),
                realmRoles.contains("suspended"));
    }

    private static Set<String> scopesOf(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toSet());
    }

    private static List<String> realmRolesOf(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
