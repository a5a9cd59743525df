package org.fittrackee.api.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses text holding a NUL character ({@code \u0000}), which PostgreSQL cannot store in a text
 * column nor compare in a filter: in a JSON body, in a query or form parameter, and (through {@link
 * #refuseIn}) in JSON read by a handler itself. FitTrackee fails with a 500 there; the answer here
 * is a 400 {@code invalid value for <field>}, naming the parameter or the body's top-level key,
 * before anything is written.
 */
@ControllerAdvice
public class NulCharacters extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    private static final char NUL = '\u0000';

    @Override
    public boolean supports(
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        refuseIn(body, null);
        return body;
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            refuseIn(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                refuseIn(value, parameter.getKey());
            }
        }
        return true;
    }

    /**
     * Throws FitTrackee's 400 when a text anywhere in the value (a JSON tree of maps, lists and
     * scalars) holds a NUL character.
     *
     * @param field the name given in the message, or null to name the top-level key found
     */
    public static void refuseIn(Object value, String field) {
        if (value instanceof String text && text.indexOf(NUL) >= 0) {
            throw field == null
                    ? FittrackeeException.invalidPayload()
                    : FittrackeeException.badRequest("invalid value for " + field);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = field != null ? field : String.valueOf(entry.getKey());
                refuseIn(entry.getKey(), name);
                refuseIn(entry.getValue(), name);
            }
        }
        if (value instanceof Collection<?> values) {
            values.forEach(element -> refuseIn(element, field));
        }
    }
}
