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
     * @param label the sport's label
     * @param display the user's {@code pace_speed_display} for the sport ({@code pace}, {@code
     *     speed}, {@code pace_and_speed}), else the sport's own
     */
    static SportDisplay of(String label, String display) {
        String shown = display == null ? "speed" : display.toLowerCase(Locale.ROOT);
        return new SportDisplay(
                !SPORTS_WITHOUT_ELEVATION.contains(label),
                !shown.equals("pace"),
                !shown.equals("speed"));
    }
}
