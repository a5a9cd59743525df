package org.fittrackee.api.workouts;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.fittrackee.api.http.Dates;
import org.fittrackee.api.http.FittrackeeException;

/**
 * Reads the JSON bodies of {@code POST /api/workouts/no_gpx} and {@code PATCH /api/workouts/<id>}:
 * types, ranges and FitTrackee's text limits (longer texts are cut, as FitTrackee cuts them).
 */
final class WorkoutPayloads {

    static final int TITLE_LIMIT = 255;
    static final int NOTES_LIMIT = 500;
    static final int DESCRIPTION_LIMIT = 10000;

    /** A hundred days: longer is an input mistake, not a workout. */
    static final double MAX_DURATION = 100 * 24 * 3600.0;

    static final double MAX_DISTANCE = 100_000.0;
    static final double MAX_ELEVATION_CHANGE = 100_000.0;

    private WorkoutPayloads() {}

    /** The sport id of a body, or an error when absent or not a positive integer. */
    static int sportIdOf(Map<String, Object> body) {
        if (body.get("sport_id") instanceof Number number
                && number.doubleValue() % 1 == 0
                && number.doubleValue() >= 1
                && number.doubleValue() <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw FittrackeeException.invalidPayload();
    }

    static double durationOf(Map<String, Object> body) {
        return positive(body, "duration", MAX_DURATION);
    }

    static double distanceOf(Map<String, Object> body) {
        return positive(body, "distance", MAX_DISTANCE);
    }

    /** {@code %Y-%m-%d %H:%M} in the user's time zone. */
    static OffsetDateTime workoutDateOf(Map<String, Object> body, ZoneId zone) {
        if (!(body.get("workout_date") instanceof String text)) {
            throw FittrackeeException.invalidPayload();
        }
        return Dates.parseDayAndTime(text.trim())
                .map(date -> date.atZone(zone).toOffsetDateTime())
                .orElseThrow(
                        () ->
                                FittrackeeException.badRequest(
                                        "invalid value for workout_date, expected format: %Y-%m-%d"
                                                + " %H:%M"));
    }

    /** Ascent and descent go together: both numbers, or both absent. */
    static Double[] elevationOf(Map<String, Object> body) {
        boolean hasAscent = body.get("ascent") != null;
        boolean hasDescent = body.get("descent") != null;
        if (!hasAscent && !hasDescent) {
            return new Double[] {null, null};
        }
        if (hasAscent != hasDescent) {
            throw FittrackeeException.badRequest("ascent and descent must be given together");
        }
        return new Double[] {
            nonNegative(body, "ascent", MAX_ELEVATION_CHANGE),
            nonNegative(body, "descent", MAX_ELEVATION_CHANGE)
        };
    }

    /** A text field cut to its limit; null when absent, null or blank. */
    static String textOf(Map<String, Object> body, String key, int limit) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw FittrackeeException.badRequest("invalid value for " + key);
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return trimmed.length() > limit ? trimmed.substring(0, limit) : trimmed;
    }

    static String visibilityOf(Map<String, Object> body, String key, String fallback) {
        Object value = body.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text) || !WorkoutFilters.VISIBILITIES.contains(text)) {
            throw FittrackeeException.badRequest("invalid value for visibility");
        }
        return text;
    }

    static Integer caloriesOf(Map<String, Object> body, Integer fallback) {
        if (!body.containsKey("calories")) {
            return fallback;
        }
        Object value = body.get("calories");
        if (value == null) {
            return null;
        }
        if (value instanceof Number number
                && number.doubleValue() % 1 == 0
                && number.doubleValue() >= 0
                && number.doubleValue() <= 100_000) {
            return number.intValue();
        }
        throw FittrackeeException.badRequest("invalid value for calories");
    }

    private static double positive(Map<String, Object> body, String key, double max) {
        if (body.get(key) instanceof Number number) {
            double value = number.doubleValue();
            if (Double.isFinite(value) && value > 0 && value <= max) {
                return value;
            }
            throw FittrackeeException.badRequest("invalid value for " + key);
        }
        throw FittrackeeException.invalidPayload();
    }

    private static double nonNegative(Map<String, Object> body, String key, double max) {
        if (body.get(key) instanceof Number number) {
            double value = number.doubleValue();
            if (Double.isFinite(value) && value >= 0 && value <= max) {
                return value;
            }
        }
        throw FittrackeeException.badRequest("invalid value for " + key);
    }
}
