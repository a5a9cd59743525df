package org.fittrackee.api.profile;

import java.util.Collection;
import java.util.Map;
import org.fittrackee.api.http.FittrackeeException;

/** Reads typed values out of a JSON body parsed as a map, refusing what does not fit. */
final class BodyValues {

    private BodyValues() {}

    /** The body, when it is present and has every key (with any value, null included). */
    static Map<String, Object> withKeys(Map<String, Object> body, Collection<String> keys) {
        if (body == null || body.isEmpty() || !body.keySet().containsAll(keys)) {
            throw FittrackeeException.invalidPayload();
        }
        return body;
    }

    /**
     * A text of at most {@code maxLength} characters (counted as PostgreSQL counts them), or null.
     */
    static String text(Map<String, Object> body, String key, int maxLength) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)
                || text.indexOf('\0') >= 0
                || text.codePointCount(0, text.length()) > maxLength) {
            throw FittrackeeException.badRequest(
                    key + " must be a text of at most " + maxLength + " characters");
        }
        return text;
    }

    static boolean bool(Map<String, Object> body, String key) {
        Boolean value = nullableBool(body, key);
        if (value == null) {
            throw mustBeBoolean(key);
        }
        return value;
    }

    static Boolean nullableBool(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw mustBeBoolean(key);
    }

    /** One of the allowed values, compared exactly. */
    static String oneOf(Map<String, Object> body, String key, Collection<String> allowed) {
        Object value = body.get(key);
        if (value instanceof String text && allowed.contains(text)) {
            return text;
        }
        throw FittrackeeException.badRequest(
                key + " must be one of: " + String.join(", ", allowed));
    }

    private static FittrackeeException mustBeBoolean(String key) {
        return FittrackeeException.badRequest(key + " must be true or false");
    }
}
