package org.fittrackee.api.stats;

import org.fittrackee.api.http.FittrackeeException;

/**
 * The {@code type} parameter of {@code by_time}: totals or per-workout averages, which also name
 * the JSON keys ({@code total_distance}, {@code average_distance}, ...).
 */
enum StatsType {
    TOTAL("total", "sum"),
    AVERAGE("average", "avg");

    private final String prefix;
    private final String aggregateSql;

    StatsType(String prefix, String aggregateSql) {
        this.prefix = prefix;
        this.aggregateSql = aggregateSql;
    }

    /** The start of the JSON keys of this type's values. */
    String prefix() {
        return prefix;
    }

    /** The SQL aggregate function; a constant, never built from input. */
    String aggregateSql() {
        return aggregateSql;
    }

    /** The type a request names; {@code total} when the parameter is absent. */
    static StatsType fromParameter(String value) {
        if (value == null) {
            return TOTAL;
        }
        for (StatsType type : values()) {
            if (type.prefix.equals(value)) {
                return type;
            }
        }
        throw FittrackeeException.fail("invalid stats type");
    }
}
