package org.fittrackee.api.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * FitTrackee's dates: written as RFC 1123 in GMT, e.g. {@code "Sun, 14 Jul 2019 13:51:01 GMT"};
 * read as Python's {@code strptime} reads {@code %Y-%m-%d} and {@code %Y-%m-%d %H:%M}: a year of
 * exactly four digits (0001 to 9999), the other fields with or without a leading zero.
 */
public final class Dates {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY =
            new DateTimeFormatterBuilder()
                    .appendValue(ChronoField.YEAR, 4)
                    .appendLiteral('-')
                    .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
                    .appendLiteral('-')
                    .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
                    .toFormatter()
                    .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DAY_AND_TIME =
            new DateTimeFormatterBuilder()
                    .append(DAY)
                    .appendLiteral(' ')
                    .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE)
                    .appendLiteral(':')
                    .appendValue(ChronoField.MINUTE_OF_HOUR, 1, 2, SignStyle.NOT_NEGATIVE)
                    .toFormatter()
                    .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {}

    /** A {@code %Y-%m-%d} day, or empty when the text is not one. */
    public static Optional<LocalDate> parseDay(String text) {
        return parse(text, DAY).map(LocalDate::from);
    }

    /** A {@code %Y-%m-%d %H:%M} time, or empty when the text is not one. */
    public static Optional<LocalDateTime> parseDayAndTime(String text) {
        return parse(text, DAY_AND_TIME).map(LocalDateTime::from);
    }

    private static Optional<TemporalAccessor> parse(String text, DateTimeFormatter format) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = format.parse(text);
            return parsed.get(ChronoField.YEAR) >= 1 ? Optional.of(parsed) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static String rfc1123(Instant instant) {
        return instant == null ? null : RFC_1123.format(instant);
    }

    public static String rfc1123(OffsetDateTime dateTime) {
        return dateTime == null ? null : rfc1123(dateTime.toInstant());
    }
}
