package org.fittrackee.api.sports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** FitTrackee's JSON for a sport. */
public final class SportJson {

    private SportJson() {}

    /**
     * The sport; {@code pace_speed_display} for the sports that can show a pace only, {@code
     * has_workouts} only when known (admins asking for it). Equipment is not served (reference §5),
     * so {@code default_equipments} is always empty, as on an instance without equipment.
     */
    public static Map<String, Object> of(Sport sport, Boolean hasWorkouts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("color", sport.color());
        json.put("id", sport.id());
        json.put("is_active", sport.isActive());
        json.put("is_active_for_user", sport.isActiveForUser());
        json.put("label", sport.label());
        json.put("stopped_speed_threshold", sport.stoppedSpeedThreshold());
        if (sport.showsPace()) {
            json.put("pace_speed_display", sport.paceSpeedDisplay());
        }
        if (hasWorkouts != null) {
            json.put("has_workouts", hasWorkouts);
        }
        json.put("default_equipments", List.of());
        return json;
    }

    /** A sport id from a path or a body, or null when it is not a positive integer. */
    public static Integer parseId(String value) {
        try {
            int id = Integer.parseInt(value);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
