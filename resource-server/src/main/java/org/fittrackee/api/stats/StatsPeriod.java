package org.fittrackee.api.stats;

import org.fittrackee.api.http.FittrackeeException;

/**
 * The {@code time} parameter of {@code by_time}: how workouts are bucketed, and the SQL that labels
 * a bucket the way FitTrackee does (a week is named by the date it starts on). Each expression
 * reads {@code local_date}, the workout date in the user's time zone.
 */
enum StatsPeriod {
    DAY("day", "to_char(local_date, 'YYYY-MM-DD')"),
    WEEK(
            "week",
            "to_char(date_trunc('week', local_date + interval '1 day') - interval '1 day',"
                    + " 'YYYY-MM-DD')"),
    WEEKM("weekm", "to_char(date_trunc('week', local_date), 'YYYY-MM-DD')"),
    MONTH("month", "to_char(local_date, 'YYYY-MM')"),
    YEAR("year", "to_char(local_date, 'YYYY')");

    private final String parameter;
    private final String labelSql;

    StatsPeriod(String parameter, String labelSql) {
        this.parameter = parameter;
        this.labelSql = labelSql;
    }

    /** The SQL expression of a workout's period label; a constant, never built from input. */
    String labelSql() {
        return labelSql;
    }

    /** The period a request names; {@code year} when it names none. */
    static StatsPeriod fromParameter(String value) {
        if (value == null || value.isEmpty()) {
            return YEAR;
        }
        for (StatsPeriod period : values()) {
            if (period.parameter.equals(value)) {
                return period;
            }
        }
        throw FittrackeeException.fail("invalid time period");
    }
}
