package org.fittrackee.api.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user's preferences for one sport, FitTrackee's {@code users_sports_preferences} row. */
record SportPreference(
        long userId,
        int sportId,
        String color,
        boolean isActive,
        double stoppedSpeedThreshold,
        String paceSpeedDisplay) {

    /** The sports whose pace can be shown; every other sport shows its speed only. */
    static final Set<String> PACE_SPORTS = Set.of("Hiking", "Running", "Trail", "Walking");

    /** The preferences a user has before changing any: the sport's own settings. */
    static SportPreference defaultsFor(long userId, Sport sport) {
        return new SportPreference(
                userId,
                sport.id(),
                null,
                true,
                sport.stoppedSpeedThreshold(),
                PACE_SPORTS.contains(sport.label()) ? "pace" : "speed");
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("color", color);
        json.put("default_equipments", List.of());
        json.put("is_active", isActive);
        json.put("pace_speed_display", paceSpeedDisplay);
        json.put("sport_id", sportId);
        json.put("stopped_speed_threshold", stoppedSpeedThreshold);
        json.put("user_id", userId);
        return json;
    }

    /** The sport's settings that a preference starts from. */
    record Sport(int id, String label, double stoppedSpeedThreshold) {}
}
