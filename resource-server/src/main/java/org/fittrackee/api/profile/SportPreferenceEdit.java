package org.fittrackee.api.profile;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fittrackee.api.http.FittrackeeException;

/**
 * A checked {@code /api/auth/profile/edit/sports} body: a {@code sport_id} and at least one change.
 * A null or empty color or display, or a null {@code is_active}, leaves the value as it is.
 */
record SportPreferenceEdit(
        String color, Boolean isActive, Double stoppedSpeedThreshold, String paceSpeedDisplay) {

    private static final List<String> CHANGES =
            List.of(
                    "color",
                    "is_active",
                    "stopped_speed_threshold",
                    "pace_speed_display",
                    "default_equipment_ids");

    private static final Pattern HEX_COLOR = Pattern.compile("#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})");

    private static final List<String> PACE_SPEED_DISPLAYS =
            List.of("pace", "speed", "pace_and_speed");

    /** The sport id, or -1 for a number no sport can have. */
    static long sportIdOf(Map<String, Object> body) {
        if (body == null
                || !body.containsKey("sport_id")
                || CHANGES.stream().noneMatch(body::containsKey)) {
            throw FittrackeeException.invalidPayload();
        }
        Object sportId = body.get("sport_id");
        if (sportId instanceof Integer || sportId instanceof Long) {
            return ((Number) sportId).longValue();
        }
        if (sportId instanceof BigInteger) {
            return -1;
        }
        throw FittrackeeException.invalidPayload();
    }

    static SportPreferenceEdit from(Map<String, Object> body) {
        refuseEquipment(body.get("default_equipment_ids"));
        return new SportPreferenceEdit(
                color(body.get("color")),
                BodyValues.nullableBool(body, "is_active"),
                stoppedSpeedThreshold(body),
                paceSpeedDisplay(body.get("pace_speed_display")));
    }

    /** The preference with the changes made, checked against the sport. */
    SportPreference applyTo(SportPreference current, SportPreference.Sport sport) {
        String display = paceSpeedDisplay == null ? current.paceSpeedDisplay() : paceSpeedDisplay;
        if (paceSpeedDisplay != null
                && !paceSpeedDisplay.equals("speed")
                && !SportPreference.PACE_SPORTS.contains(sport.label())) {
            throw FittrackeeException.badRequest(
                    "invalid pace_speed_display for sport '"
                            + sport.label()
                            + "', only speed can be displayed.");
        }
        return new SportPreference(
                current.userId(),
                current.sportId(),
                color == null ? current.color() : color,
                isActive == null ? current.isActive() : isActive,
                stoppedSpeedThreshold == null
                        ? current.stoppedSpeedThreshold()
                        : stoppedSpeedThreshold,
                display);
    }

    private static String color(Object value) {
        if (value == null || "".equals(value)) {
            return null;
        }
        if (value instanceof String color && HEX_COLOR.matcher(color).matches()) {
            return color;
        }
        throw FittrackeeException.badRequest("invalid hexadecimal color");
    }

    private static Double stoppedSpeedThreshold(Map<String, Object> body) {
        if (!body.containsKey("stopped_speed_threshold")) {
            return null;
        }
        if (body.get("stopped_speed_threshold") instanceof Number number
                && Double.isFinite(number.doubleValue())
                && number.doubleValue() > 0) {
            return number.doubleValue();
        }
        throw FittrackeeException.badRequest(
                "'stopped_speed_threshold' must be an integer greater then 0");
    }

    private static String paceSpeedDisplay(Object value) {
        if (value == null || "".equals(value)) {
            return null;
        }
        if (value instanceof String display && PACE_SPEED_DISPLAYS.contains(display)) {
            return display;
        }
        throw FittrackeeException.badRequest(
                "pace_speed_display must be one of: " + String.join(", ", PACE_SPEED_DISPLAYS));
    }

    /**
     * Equipment is not served here (reference §5), so no equipment id exists: an empty list is a
     * no-op and any id is unknown, as FitTrackee answers for an id it does not know.
     */
    private static void refuseEquipment(Object ids) {
        if (ids == null) {
            return;
        }
        if (!(ids instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw FittrackeeException.badRequest("equipment_ids must be an array of strings");
        }
        if (!list.isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", "not_found");
            error.put("equipment_id", list.get(0));
            error.put("message", "equipment with id " + list.get(0) + " does not exist");
            throw FittrackeeException.badRequestWithBody(error);
        }
    }
}
