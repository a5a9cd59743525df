package org.fittrackee.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fittrackee.api.testing.ApiTest;
import org.fittrackee.api.users.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access rules of every endpoint served, one row per endpoint, taken from the handlers
 * themselves: a token without the scope, a suspended user, and a role below the minimum are each
 * refused with FitTrackee's answer; the endpoints FitTrackee opens to suspended users (reference
 * §4, flag S) are exactly those that let them in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryEndpointRuleTest extends ApiTest {

    /** Reference §4: the endpoints marked S that are served here. */
    private static final Set<String> OPEN_TO_SUSPENDED_USERS =
            Set.of(
                    "GET /api/auth/profile",
                    "POST /api/auth/profile/edit",
                    "POST /api/auth/profile/edit/preferences",
                    "GET /api/sports",
                    "DELETE /api/users/{user_name}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One row per method and path of an endpoint with a scope. */
    record Endpoint(String method, String path, RequireAuth rule) {

        @Override
        public String toString() {
            return method + " " + path;
        }

        /** The path with values for its variables that name nothing, so nothing is changed. */
        String samplePath() {
            return path.replaceAll("\\{[^}]+}", "nothing-here");
        }
    }

    Stream<Endpoint> endpoints() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().hasMethodAnnotation(RequireAuth.class))
                .flatMap(entry -> rowsOf(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> a.toString().compareTo(b.toString()));
    }

    /** The endpoints whose rule asks for more than the user role. */
    Stream<Endpoint> endpointsAboveTheUserRole() {
        return endpoints().filter(endpoint -> endpoint.rule().role() != Role.USER);
    }

    private static Stream<Endpoint> rowsOf(RequestMappingInfo info, HandlerMethod handler) {
        RequireAuth rule = handler.getMethodAnnotation(RequireAuth.class);
        return info.getPatternValues().stream()
                .flatMap(
                        path ->
                                info.getMethodsCondition().getMethods().stream()
                                        .map(method -> new Endpoint(method.name(), path, rule)));
    }

    @Test
    void theEndpointsOpenToSuspendedUsersAreThoseOfTheReference() {
        Set<String> open =
                endpoints()
                        .filter(endpoint -> endpoint.rule().allowSuspended())
                        .map(Endpoint::toString)
                        .collect(Collectors.toCollection(TreeSet::new));

        assertThat(open).isEqualTo(new TreeSet<>(OPEN_TO_SUSPENDED_USERS));
        assertThat(endpoints().count()).isGreaterThan(25);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenWithoutTheScopeIsRefusedWithInsufficientScope(Endpoint endpoint) throws Exception {
        String otherScopes =
                FittrackeeScopes.ALL.stream()
                        .filter(scope -> !scope.equals(endpoint.rule().scope()))
                        .collect(Collectors.joining(" "));

        MockHttpServletResponse response = call(endpoint, userWith(otherScopes, "admin"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString())
                .isEqualTo(
                        "{\"error\":\"insufficient_scope\",\"error_description\":\"The request"
                                + " requires higher privileges than provided by the access"
                                + " token.\"}");
        assertThat(response.getHeader("WWW-Authenticate"))
                .isEqualTo(
                        "Bearer error=\"insufficient_scope\", error_description=\"The request"
                                + " requires higher privileges than provided by the access"
                                + " token.\", scope=\""
                                + endpoint.rule().scope()
                                + "\"");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenWithTheScopeAloneGetsPastTheScopeCheck(Endpoint endpoint) throws Exception {
        MockHttpServletResponse response =
                call(endpoint, userWith(endpoint.rule().scope(), roleNameOf(endpoint)));

        assertThat(response.getStatus()).isNotIn(401, 500);
        assertThat(response.getContentAsString()).doesNotContain("insufficient_scope");
        assertThat(response.getContentAsString())
                .doesNotContain("you do not have permissions, your account is suspended");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aSuspendedUserIsRefusedUnlessFittrackeeLetsThemIn(Endpoint endpoint) throws Exception {
        MockHttpServletResponse response =
                call(
                        endpoint,
                        userWith(endpoint.rule().scope(), roleNameOf(endpoint), "suspended"));

        if (OPEN_TO_SUSPENDED_USERS.contains(endpoint.toString())) {
            assertThat(response.getStatus()).isNotIn(401, 500);
            assertThat(response.getContentAsString()).doesNotContain("your account is suspended");
        } else {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(messageOf(response))
                    .isEqualTo("you do not have permissions, your account is suspended");
        }
    }

    @ParameterizedTest
    @MethodSource("endpointsAboveTheUserRole")
    void aRoleBelowTheMinimumIsRefused(Endpoint endpoint) throws Exception {
        Role below = endpoint.rule().role() == Role.ADMIN ? Role.MODERATOR : Role.USER;

        MockHttpServletResponse refused =
                call(endpoint, userWith(endpoint.rule().scope(), below.jsonName()));
        MockHttpServletResponse allowed =
                call(endpoint, userWith(endpoint.rule().scope(), roleNameOf(endpoint)));

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(messageOf(refused)).isEqualTo("you do not have permissions");
        assertThat(allowed.getStatus()).isNotIn(401, 403, 500);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void noTokenIsRefusedUnlessTheEndpointAnswersAnonymously(Endpoint endpoint) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(requestTo(endpoint)).andReturn().getResponse();

        if (endpoint.rule().optional()) {
            assertThat(response.getStatus()).isNotIn(401, 403, 500);
        } else {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentAsString())
                    .isEqualTo("{\"status\":\"error\",\"message\":\"provide a valid auth token\"}");
        }
    }

    private MockHttpServletResponse call(Endpoint endpoint, TestToken token) throws Exception {
        return mvc.perform(requestTo(endpoint).with(token.asBearer())).andReturn().getResponse();
    }

    /** The endpoint's request, without body; an upload is a multipart form, as it must be. */
    private static MockHttpServletRequestBuilder requestTo(Endpoint endpoint) {
        MockHttpServletRequestBuilder builder =
                request(HttpMethod.valueOf(endpoint.method()), endpoint.samplePath());
        if (endpoint.toString().equals("POST /api/workouts")) {
            builder.contentType(MediaType.MULTIPART_FORM_DATA);
        }
        return builder;
    }

    private static String roleNameOf(Endpoint endpoint) {
        return endpoint.rule().role().jsonName();
    }

    private static String messageOf(MockHttpServletResponse response) throws Exception {
        Map<String, Object> body = JsonPath.read(response.getContentAsString(), "$");
        return (String) body.get("message");
    }
}
