package org.fittrackee.api.stats;

import java.util.Locale;
import java.util.Set;

/**
 * Which values FitTrackee shows for a sport: elevation unless the sport has none (swimming, rowing,
 * ...), and speed, pace or both as the user's preference for the sport says, else the sport's
 * default (pace for the foot sports, speed for the others).
 *
 * @param elevation ascent and descent are shown
 * @param speed the average speed is shown
 * @param pace the average pace is shown
 */
record SportDisplay(boolean elevation, boolean speed, boolean pace) {

    private static final Set<String> PACE_SPORTS = Set.of("Hiking", "Running", "Trail", "Walking");

    private static final Set<String> SPORTS_WITHOUT_ELEVATION =
            Set.of(
                    "Canoeing",
                    "Ice Skating",
                    "Kayaking",
                    "Open Water Swimming",
                    "Padel (Outdoor)",
                    "Rowing",
                    "Standup Paddleboarding",
                    "Tennis (Outdoor)");

    /**
     * NOTE: the sports table has no pace_speed_display column, so a sport's default comes from its
     * label as FitTrackee seeds it; a column added to sports would replace PACE_SPORTS here.
     *
     * @param label the sport's label
     * @param preference the user's {@code pace_speed_display} for the sport ({@code pace}, {@code
     *     speed}, {@code pace_and_speed}), or null when the user has not set one
     */
    static SportDisplay of(String label, String preference) {
        String shown = preference;
        if (shown == null || shown.isBlank()) {
            shown = PACE_SPORTS.contains(label) ? "pace" : "speed";
        }
        shown = shown.toLowerCase(Locale.ROOT);
        return new SportDisplay(
                !SPORTS_WITHOUT_ELEVATION.contains(label),
                !shown.equals("pace"),
                !shown.equals("speed"));
    }
}
