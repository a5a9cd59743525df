package org.fittrackee.api.profile;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The time zones a user can choose: the IANA zones of the JDK's time-zone database named by region
 * and city, as FitTrackee's interface lists them. Older aliases (such as {@code US/Eastern} or
 * {@code UTC}) are not listed but still accepted.
 */
final class Timezones {

    private static final Pattern REGION_AND_CITY =
            Pattern.compile(
                    "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian"
                            + "|Pacific)/.+");

    private static final List<String> LISTED =
            ZoneId.getAvailableZoneIds().stream()
                    .filter(zone -> REGION_AND_CITY.matcher(zone).matches())
                    .sorted()
                    .toList();

    private Timezones() {}

    static List<String> listed() {
        return LISTED;
    }

    static boolean isKnown(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }
}
