package org.fittrackee.api.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How FitTrackee writes statistics numbers: two decimals, whole seconds, "H:MM:SS" clocks. */
final class StatsFormat {

    private static final long SECONDS_PER_DAY = 86_400;

    private StatsFormat() {}

    /**
     * Rounded to two decimals from the double's exact value, ties to even, so that 2.675 (stored as
     * 2.67499...) gives 2.67 as FitTrackee's Python does; null stays null.
     */
    static Double twoDecimals(Double value) {
        if (value == null) {
            return null;
        }
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * Whole seconds, the fraction dropped. PostgreSQL keeps intervals to the microsecond, so the
     * value is first taken to the microsecond: an average of 2239.9999999 s is 2240 s upstream.
     */
    static Long wholeSeconds(Double seconds) {
        if (seconds == null) {
            return null;
        }
        BigDecimal micros = new BigDecimal(seconds).setScale(6, RoundingMode.HALF_EVEN);
        return micros.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /**
     * A duration as Python prints a timedelta without its fraction: {@code "0:38:20"}, {@code "1
     * day, 2:00:00"}, {@code "3 days, 0:05:00"}; null stays null.
     */
    static String clock(Double seconds) {
        Long whole = wholeSeconds(seconds);
        if (whole == null) {
            return null;
        }
        long days = whole / SECONDS_PER_DAY;
        long rest = whole % SECONDS_PER_DAY;
        String time =
                String.format(
                        Locale.ROOT, "%d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60);
        if (days == 0) {
            return time;
        }
        return days + (days == 1 ? " day, " : " days, ") + time;
    }
}
