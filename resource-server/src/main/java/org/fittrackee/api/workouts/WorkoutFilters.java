package org.fittrackee.api.workouts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fittrackee.api.http.FittrackeeException;

/** Reads the query of {@code GET /api/workouts} into a {@link WorkoutFilter}. */
final class WorkoutFilters {

    static final int DEFAULT_PER_PAGE = 5;
    static final int MAX_PER_PAGE = 100;

    private static final Set<String> ORDER_BY =
            Set.of("workout_date", "distance", "duration", "ave_speed");
    static final Set<String> VISIBILITIES = Set.of("private", "followers_only", "public");
    private static final Pattern MINUTES_SECONDS = Pattern.compile("^(\\d{1,3}):([0-5]\\d)$");

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

        return new WorkoutFilter(
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
                visibility(query),
                orderBy(query),
                ascending(query),
                pageOf(query),
                perPageOf(query));
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
            throw FittrackeeException.badRequest("invalid duration");
        }
        return seconds;
    }

    /** The speed (km/h) of a pace given as {@code %M:%S} per km. */
    private static Double speedOfPace(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Matcher matcher = MINUTES_SECONDS.matcher(value.trim());
        if (!matcher.matches()) {
            throw FittrackeeException.badRequest("invalid value for " + name);
        }
        long seconds = Long.parseLong(matcher.group(1)) * 60 + Long.parseLong(matcher.group(2));
        if (seconds == 0) {
            throw FittrackeeException.badRequest("invalid value for " + name);
        }
        return 3600.0 / seconds;
    }

    private static OffsetDateTime dayStart(
            Map<String, String> query, String name, ZoneId zone, int daysAfter) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim())
                    .plusDays(daysAfter)
                    .atStartOfDay(zone)
                    .toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw FittrackeeException.badRequest(
                    "invalid value for " + name + ", expected format: %Y-%m-%d");
        }
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
