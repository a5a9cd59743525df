package org.fittrackee.api.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** FitTrackee's dates: RFC 1123 in GMT, e.g. {@code "Sun, 14 Jul 2019 13:51:01 GMT"}. */
public final class Dates {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private Dates() {}

    public static String rfc1123(Instant instant) {
        return instant == null ? null : RFC_1123.format(instant);
    }

    public static String rfc1123(OffsetDateTime dateTime) {
        return dateTime == null ? null : rfc1123(dateTime.toInstant());
    }
}
