package org.fittrackee.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class EveryEndpointHasAnAccessRuleTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiHandlerDeclaresItsScopeOrThatItIsPublic() {
        List<String> undeclared =
                mappings.getHandlerMethods().values().stream()
                        .filter(
                                method ->
                                        method.getBeanType()
                                                .getPackageName()
                                                .startsWith("org.fittrackee.api"))
                        .filter(EveryEndpointHasAnAccessRuleTest::hasNoRule)
                        .map(HandlerMethod::toString)
                        .toList();

        assertThat(undeclared).isEmpty();
    }

    @Test
    void thereAreApiHandlersToCheck() {
        assertThat(mappings.getHandlerMethods().values())
                .anyMatch(method -> method.hasMethodAnnotation(RequireAuth.class));
    }

    private static boolean hasNoRule(HandlerMethod method) {
        return !method.hasMethodAnnotation(RequireAuth.class)
                && !method.hasMethodAnnotation(FirstPartyOnly.class)
                && !method.hasMethodAnnotation(PublicEndpoint.class);
    }
}
