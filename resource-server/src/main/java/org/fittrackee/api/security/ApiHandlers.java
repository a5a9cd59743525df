package org.fittrackee.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds, from a security filter, the endpoint a request is going to, so that the token check can
 * follow the endpoint's rule before Spring MVC has chosen the handler: FitTrackee ignores the
 * {@code Authorization} header of an endpoint without authentication, and answers a bad token on a
 * first-party-only endpoint with its own 401.
 */
@Component
public class ApiHandlers {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public ApiHandlers(
            @Qualifier("requestMappingHandlerMapping")
                    ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Whether the request goes to an endpoint carrying the annotation. */
    public boolean leadsTo(HttpServletRequest request, Class<? extends Annotation> annotation) {
        return handlerOf(request)
                .filter(method -> method.hasMethodAnnotation(annotation))
                .isPresent();
    }

    private Optional<HandlerMethod> handlerOf(HttpServletRequest request) {
        try {
            HttpServletRequest probe = new PrivateAttributes(request);
            ServletRequestPathUtils.parseAndCache(probe);
            HandlerExecutionChain chain = mappings.getObject().getHandler(probe);
            return chain != null && chain.getHandler() instanceof HandlerMethod method
                    ? Optional.of(method)
                    : Optional.empty();
        } catch (Exception e) {
            // No endpoint matches (404, 405...): the ordinary token check applies.
            return Optional.empty();
        }
    }

    /**
     * The request as the handler lookup sees it, with the attributes the lookup sets kept apart, so
     * that the real dispatch later starts from a clean request.
     */
    private static final class PrivateAttributes extends HttpServletRequestWrapper {

        private static final Object REMOVED = new Object();

        private final Map<String, Object> attributes = new HashMap<>();

        PrivateAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            Object value = attributes.get(name);
            if (value == REMOVED) {
                return null;
            }
            return value != null ? value : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value == null ? REMOVED : value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, REMOVED);
        }
    }
}
