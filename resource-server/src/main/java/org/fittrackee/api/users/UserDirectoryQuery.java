package org.fittrackee.api.users;

import java.util.Locale;
import java.util.Map;
import org.fittrackee.api.http.FittrackeeException;

/**
 * The users directory's query, checked: {@code page}, {@code per_page}, {@code q}, {@code order},
 * {@code order_by}, and the filters only admins may lift ({@code with_inactive}, {@code
 * with_suspended}, {@code with_hidden}), already off for anyone else.
 *
 * @param search the text usernames must contain, case-insensitively; null for every name
 */
public record UserDirectoryQuery(
        int page,
        int perPage,
        String search,
        OrderBy orderBy,
        boolean ascending,
        boolean withInactive,
        boolean withSuspended,
        boolean withHidden) {

    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 50;

    /** The sort columns offered, each with the SQL expression it sorts on. */
    public enum OrderBy {
        USERNAME("u.username"),
        CREATED_AT("u.created_at"),
        WORKOUTS_COUNT("nb_workouts"),
        ROLE(
                "CASE u.role WHEN 'user' THEN 10 WHEN 'moderator' THEN 30"
                        + " WHEN 'admin' THEN 50 ELSE 100 END"),
        IS_ACTIVE("u.is_active");

        private final String sql;

        OrderBy(String sql) {
            this.sql = sql;
        }

        /** The expression to sort on: a constant of this class, never text from a request. */
        String sql() {
            return sql;
        }

        static OrderBy fromParameter(String value) {
            for (OrderBy orderBy : values()) {
                if (orderBy.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return orderBy;
                }
            }
            throw FittrackeeException.badRequest("invalid value for order_by");
        }
    }

    public static UserDirectoryQuery from(Map<String, String> parameters, boolean byAdmin) {
        int page = Math.max(1, integer(parameters, "page", 1));
        int perPage = integer(parameters, "per_page", DEFAULT_PER_PAGE);
        if (perPage < 1) {
            perPage = DEFAULT_PER_PAGE;
        }

        String search = parameters.get("q");
        if (search != null && search.indexOf('\0') >= 0) {
            throw FittrackeeException.badRequest("invalid value for q");
        }

        return new UserDirectoryQuery(
                page,
                Math.min(perPage, MAX_PER_PAGE),
                search == null || search.isEmpty() ? null : search,
                OrderBy.fromParameter(parameters.getOrDefault("order_by", "username")),
                ascending(parameters.getOrDefault("order", "asc")),
                byAdmin && flag(parameters, "with_inactive"),
                byAdmin && flag(parameters, "with_suspended"),
                byAdmin && flag(parameters, "with_hidden"));
    }

    /** The LIKE pattern of the search, its wildcards and escape character taken literally. */
    String likePattern() {
        if (search == null) {
            return "%";
        }
        String escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    long offset() {
        return (long) (page - 1) * perPage;
    }

    private static int integer(Map<String, String> parameters, String name, int fallback) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw FittrackeeException.badRequest("invalid value for " + name);
        }
    }

    private static boolean ascending(String order) {
        return switch (order) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw FittrackeeException.badRequest("invalid value for order");
        };
    }

    private static boolean flag(Map<String, String> parameters, String name) {
        return "true".equalsIgnoreCase(parameters.get(name));
    }
}
