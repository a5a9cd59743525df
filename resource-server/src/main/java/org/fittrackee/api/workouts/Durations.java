package org.fittrackee.api.workouts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as FitTrackee writes and reads them. */
public final class Durations {

    /** FitTrackee's {@code %H:%M}: hours 0 to 23, and seconds that it accepts and ignores. */
    private static final Pattern HOURS_MINUTES =
            Pattern.compile("^([0-1]?\\d|2[0-3]):([0-5]\\d)(:[0-5]\\d)?$");

    private Durations() {}

    /**
     * Seconds as Python prints a timedelta, which FitTrackee's JSON uses: {@code "1:02:03"}, and
     * {@code "2 days, 1:02:03"} beyond a day.
     */
    public static String format(Double seconds) {
        if (seconds == null) {
            return null;
        }

        long total = Math.round(seconds);
        long days = total / 86400;
        long rest = total % 86400;
        String clock = String.format("%d:%02d:%02d", rest / 3600, (rest % 3600) / 60, rest % 60);
        if (days == 0) {
            return clock;
        }
        return days + (days == 1 ? " day, " : " days, ") + clock;
    }

    /** {@code "%H:%M"} as the workouts filters take it, in seconds; null when malformed. */
    public static Long parseHoursMinutes(String value) {
        Matcher matcher = HOURS_MINUTES.matcher(value);
        if (!matcher.matches()) {
            return null;
        }
        return Long.parseLong(matcher.group(1)) * 3600 + Long.parseLong(matcher.group(2)) * 60;
    }
}
