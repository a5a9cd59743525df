package org.fittrackee.api.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.fittrackee.api.http.Dates;
import org.fittrackee.api.http.FittrackeeException;

/**
 * The {@code from} and {@code to} days of a statistics request, as instants: from the start of
 * {@code from} to the end of {@code to}, both in the user's time zone. Either end may be open.
 *
 * @param start inclusive, or null
 * @param end exclusive (the start of the day after {@code to}), or null
 */
record DateRange(OffsetDateTime start, OffsetDateTime end) {

    static final String INVALID_DATE = "invalid date, expected format YYYY-MM-DD";

    static DateRange parse(String from, String to, ZoneId zone) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        return new DateRange(
                fromDay == null ? null : fromDay.atStartOfDay(zone).toOffsetDateTime(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    private static LocalDate day(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Dates.parseDay(value).orElseThrow(() -> FittrackeeException.fail(INVALID_DATE));
    }
}
