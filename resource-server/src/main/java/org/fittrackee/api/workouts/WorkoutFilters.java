package org.fittrackee.api.workouts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fittrackee.api.http.Dates;
import org.fittrackee.api.http.FittrackeeException;

/** Reads the query of {@code GET /api/workouts} into a {@link WorkoutFilter}. */
final class WorkoutFilters {

    static final int DEFAULT_PER_PAGE = 5;
    static final int MAX_PER_PAGE = 100;

    private static final Set<String> ORDER_BY =
            Set.of("workout_date", "distance", "duration", "ave_speed");
    static final Set<String> VISIBILITIES = Set.of("private", "followers_only", "public");

    /** FitTrackee's pace per km, {@code M:SS} (it also takes one digit of seconds: 5:3 is 5:03). */
    private static final Pattern MINUTES_SECONDS = Pattern.compile("^(\\d{1,6}):([0-5]\\d?)$");

    static final String INVALID_DURATION = "invalid duration";
    static final String INVALID_RADIUS = "invalid radius, must be an float greater than zero";
    static final String INVALID_COORDINATES =
            "invalid coordinates, must be a string with latitude and longitude, separated by a"
                    + " comma";

    /** FitTrackee's default radius of the location filter, km. */
    private static final String DEFAULT_RADIUS = "10";

    private WorkoutFilters() {}

    static WorkoutFilter parse(Map<String, String> query, ZoneId userZone) {
        Double aveSpeedFrom = number(query, "ave_speed_from");
        Double aveSpeedTo = number(query, "ave_speed_to");
        Double maxSpeedFrom = number(query, "max_speed_from");
        Double maxSpeedTo = number(query, "max_speed_to");

        // A pace (time per km) bounds the speed the other way round.
        aveSpeedTo = lower(aveSpeedTo, speedOfPace(query, "ave_pace_from"));
        aveSpeedFrom = higher(aveSpeedFrom, speedOfPace(query, "ave_pace_to"));
        maxSpeedTo = lower(maxSpeedTo, speedOfPace(query, "max_pace_from"));
        maxSpeedFrom = higher(maxSpeedFrom, speedOfPace(query, "max_pace_to"));

        WorkoutConditions conditions =
                new WorkoutConditions(
                        positiveInteger(query, "sport_id"),
                        query.get("title"),
                        query.get("notes"),
                        query.get("description"),
                        dayStart(query, "from", userZone, 0),
                        dayStart(query, "to", userZone, 1),
                        number(query, "distance_from"),
                        number(query, "distance_to"),
                        duration(query, "duration_from"),
                        duration(query, "duration_to"),
                        aveSpeedFrom,
                        aveSpeedTo,
                        maxSpeedFrom,
                        maxSpeedTo,
                        visibility(query));
        return new WorkoutFilter(
                conditions,
                new WorkoutRestriction(location(query), equipment(query)),
                orderBy(query),
                ascending(query),
                pageOf(query),
                perPageOf(query));
    }

    /**
     * Equipment is not served (reference §5), so the list answers as an instance without any:
     * {@code none} (workouts without equipment) filters nothing, any other id matches no workout.
     */
    private static List<Long> equipment(Map<String, String> query) {
        if (!query.containsKey("equipment_id") || "none".equals(query.get("equipment_id"))) {
            return null;
        }
        return List.of();
    }

    /** {@code coordinates=lat,lon} and {@code radius} (km, 10 by default), as FitTrackee checks. */
    private static Location location(Map<String, String> query) {
        String coordinates = query.get("coordinates");
        if (coordinates == null || coordinates.isEmpty()) {
            return null;
        }
        double radius = finiteNumber(query.getOrDefault("radius", DEFAULT_RADIUS));
        if (!(radius > 0)) {
            throw FittrackeeException.badRequest(INVALID_RADIUS);
        }

        String[] parts = coordinates.split(",", -1);
        double latitude = parts.length == 2 ? finiteNumber(parts[0]) : Double.NaN;
        double longitude = parts.length == 2 ? finiteNumber(parts[1]) : Double.NaN;
        if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
            throw FittrackeeException.badRequest(INVALID_COORDINATES);
        }
        return new Location(latitude, longitude, radius);
    }

    /** A decimal number, or NaN when the text is none or not finite. */
    private static double finiteNumber(String text) {
        try {
            double number = Double.parseDouble(text.trim());
            return Double.isFinite(number) ? number : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Integer positiveInteger(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FittrackeeException.badRequest("invalid value for " + name);
    }

    private static int pageOf(Map<String, String> query) {
        Integer page = positiveInteger(query, "page");
        return page == null ? 1 : page;
    }

    private static int perPageOf(Map<String, String> query) {
        Integer perPage = positiveInteger(query, "per_page");
        return perPage == null ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
    }

    private static Double number(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (Double.isFinite(number) && number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FittrackeeException.badRequest("invalid value for " + name);
    }

    private static Long duration(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Long seconds = Durations.parseHoursMinutes(value);
        if (seconds == null) {
            throw FittrackeeException.badRequest(INVALID_DURATION);
        }
        return seconds;
    }

    /** The speed (km/h) of a pace given as {@code %M:%S} per km. */
    private static Double speedOfPace(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Matcher matcher = MINUTES_SECONDS.matcher(value);
        if (!matcher.matches()) {
            throw FittrackeeException.badRequest(INVALID_DURATION);
        }
        long seconds = Long.parseLong(matcher.group(1)) * 60 + Long.parseLong(matcher.group(2));
        // A pace of zero is an endless speed: no workout is that fast, and every one is slower.
        return seconds == 0 ? Double.POSITIVE_INFINITY : 3600.0 / seconds;
    }

    private static OffsetDateTime dayStart(
            Map<String, String> query, String name, ZoneId zone, int daysAfter) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        LocalDate day =
                Dates.parseDay(value.trim())
                        .orElseThrow(
                                () ->
                                        FittrackeeException.badRequest(
                                                "invalid value for "
                                                        + name
                                                        + ", expected format: %Y-%m-%d"));
        return day.plusDays(daysAfter).atStartOfDay(zone).toOffsetDateTime();
    }

    private static String visibility(Map<String, String> query) {
        String value = query.get("workout_visibility");
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!VISIBILITIES.contains(value)) {
            throw FittrackeeException.badRequest("invalid value for visibility");
        }
        return value;
    }

    private static String orderBy(Map<String, String> query) {
        String value = query.getOrDefault("order_by", "workout_date");
        if (!ORDER_BY.contains(value)) {
            throw FittrackeeException.badRequest("invalid value for order_by");
        }
        return value;
    }

    private static boolean ascending(Map<String, String> query) {
        String value = query.getOrDefault("order", "desc");
        if (!value.equals("asc") && !value.equals("desc")) {
            throw FittrackeeException.badRequest("invalid value for order");
        }
        return value.equals("asc");
    }

    private static Double lower(Double first, Double second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return Math.min(first, second);
    }

    private static Double higher(Double first, Double second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return Math.max(first, second);
    }
}
