package org.fittrackee.api.stats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
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

    /** FitTrackee's {@code %Y-%m-%d}: a four-digit year, month and day with or without a zero. */
    private static final DateTimeFormatter DAY =
            new DateTimeFormatterBuilder()
                    .appendValue(ChronoField.YEAR, 4)
                    .appendLiteral('-')
                    .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
                    .appendLiteral('-')
                    .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
                    .toFormatter()
                    .withResolverStyle(ResolverStyle.STRICT);

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
        LocalDate day;
        try {
            day = LocalDate.parse(value, DAY);
        } catch (DateTimeException e) {
            throw FittrackeeException.fail(INVALID_DATE);
        }
        if (day.getYear() < 1) {
            throw FittrackeeException.fail(INVALID_DATE);
        }
        return day;
    }
}
