package org.fittrackee.api.users;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fittrackee.api.http.Dates;

/**
 * FitTrackee's JSON for a user, in the forms FitTrackee serializes: light (embedded in a workout),
 * listed (what a viewer sees in the directory), full (a user's page) and the own profile. What a
 * form holds depends on who looks: the user themselves, a moderator or admin, another user, or
 * nobody.
 *
 * <p>Follows, blocks and reports are not served here (reference §5): the counts are 0, the
 * relations {@code "false"}.
 */
public final class UserJson {

    private UserJson() {}

    /** The light form, as FitTrackee embeds the owner in a workout. */
    public static Map<String, Object> light(User user, long nbWorkouts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("created_at", Dates.rfc1123(user.createdAt()));
        json.put("followers", 0);
        json.put("following", 0);
        json.put("nb_workouts", nbWorkouts);
        json.put("picture", false);
        json.put("role", user.role().jsonName());
        json.put("suspended_at", Dates.rfc1123(user.suspendedAt()));
        json.put("username", user.username());
        return json;
    }

    /**
     * The user as the directory lists them to the viewer: the account state and email to the user
     * themselves and to moderators, the relations to another user, only the light form to nobody.
     *
     * @param viewer the caller, or null when anonymous
     */
    public static Map<String, Object> listed(User user, long nbWorkouts, User viewer) {
        Map<String, Object> json = new TreeMap<>(light(user, nbWorkouts));
        boolean self = isSelf(user, viewer);
        if (self || (viewer != null && viewer.role().isAtLeast(Role.MODERATOR))) {
            // NOTE: email is null unless the row has one: the tokens carry no email (the API's
            // audience scope maps none, for privacy) and the email lives in Keycloak. Reading it
            // from Keycloak's admin API, or mapping it into tokens, would fill it.
            json.put("email", user.email());
            json.put("is_active", user.isActive());
        }
        if (viewer != null && !self) {
            json.put("blocked", false);
            json.put("follows", "false");
            json.put("is_followed_by", "false");
        }
        return json;
    }

    /**
     * A user's page as an authenticated viewer sees it: the listed form, the profile, the workout
     * totals and records.
     *
     * @param records the records' JSON, as {@link UserRecords} gives them
     */
    public static Map<String, Object> full(
            User user, UserStats stats, List<Map<String, Object>> records, User viewer) {
        Map<String, Object> json = listed(user, stats.nbWorkouts(), viewer);
        json.put("bio", user.bio());
        json.put("birth_date", birthDate(user.birthDate()));
        json.put("first_name", user.firstName());
        json.put("last_name", user.lastName());
        json.put("location", user.location());
        json.put("nb_sports", stats.sportIds().size());
        json.put("records", records);
        json.put("sports_list", stats.sportIds());
        json.put("total_ascent", roundToMillis(stats.totalAscent()));
        json.put("total_distance", roundToMillis(stats.totalDistance()));
        json.put("total_duration", duration(stats.totalMoving()));

        if (isSelf(user, viewer) || viewer.role().isAtLeast(Role.ADMIN)) {
            json.put("email_to_confirm", null);
        }
        if (viewer.role().isAtLeast(Role.MODERATOR)) {
            json.put("created_reports_count", 0);
            json.put("reported_count", 0);
            json.put("sanctions_count", 0);
        }
        return json;
    }

    /**
     * The user's own profile: their full form with every preference.
     *
     * @param acceptedPrivacyPolicy whether they accepted the current policy; null if never
     */
    public static Map<String, Object> ownProfile(
            User user,
            UserStats stats,
            List<Map<String, Object>> records,
            Boolean acceptedPrivacyPolicy) {
        Map<String, Object> json = full(user, stats, records, user);
        User.Preferences preferences = user.preferences();
        json.put("accepted_privacy_policy", acceptedPrivacyPolicy);
        json.put("analysis_visibility", preferences.analysisVisibility());
        json.put("calories_visibility", preferences.caloriesVisibility());
        json.put("date_format", preferences.dateFormat());
        json.put("display_ascent", preferences.displayAscent());
        json.put("hide_profile_in_users_directory", preferences.hideProfileInUsersDirectory());
        json.put("hr_visibility", preferences.hrVisibility());
        json.put("imperial_units", preferences.imperialUnits());
        json.put("language", preferences.language());
        json.put("manually_approves_followers", preferences.manuallyApprovesFollowers());
        json.put("map_visibility", preferences.mapVisibility());
        json.put("messages_preferences", Map.of());
        // FitTrackee shows the source it will use: a chosen elevation service only when the
        // instance configures it. None is configured here (GET /api/config), so the file's.
        json.put("missing_elevations_processing", "file");
        json.put("notification_preferences", Map.of());
        json.put("sanctions_count", 0);
        json.put("segments_creation_event", preferences.segmentsCreationEvent());
        json.put("split_workout_charts", preferences.splitWorkoutCharts());
        json.put("start_elevation_at_zero", preferences.startElevationAtZero());
        json.put("timezone", preferences.timezone());
        json.put("use_dark_mode", preferences.useDarkMode());
        json.put("use_raw_gpx_speed", preferences.useRawGpxSpeed());
        json.put("weekm", preferences.weekm());
        json.put("workouts_visibility", preferences.workoutsVisibility());
        return json;
    }

    private static boolean isSelf(User user, User viewer) {
        return viewer != null && viewer.id() == user.id();
    }

    /** FitTrackee keeps the birth date as a midnight UTC date-time, and shows it so. */
    private static String birthDate(LocalDate date) {
        return date == null ? null : Dates.rfc1123(date.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /**
     * A duration as FitTrackee writes a total ({@code "6:50:27"}, {@code "1 day, 2:03:04"}, with
     * microseconds only when there are some).
     */
    static String duration(double seconds) {
        long micros = Math.round(seconds * 1_000_000);
        long totalSeconds = micros / 1_000_000;
        long days = totalSeconds / 86_400;
        long rest = totalSeconds % 86_400;
        String time =
                String.format(
                        Locale.ROOT, "%d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60);
        long fraction = micros % 1_000_000;
        if (fraction != 0) {
            time += String.format(Locale.ROOT, ".%06d", fraction);
        }
        if (days == 0) {
            return time;
        }
        return days + (days == 1 ? " day, " : " days, ") + time;
    }

    /** FitTrackee's distances and ascents are decimals with three places. */
    private static double roundToMillis(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
