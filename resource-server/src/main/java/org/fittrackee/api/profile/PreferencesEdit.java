package org.fittrackee.api.profile;

import java.util.List;
import java.util.Map;
import org.fittrackee.api.http.FittrackeeException;

/**
 * A checked {@code POST /api/auth/profile/edit/preferences} body: every key required, each value of
 * its type and among its allowed values. The analysis is never more visible than the workouts, nor
 * the map more visible than the analysis: a wider choice is narrowed, as FitTrackee does.
 */
record PreferencesEdit(
        String timezone,
        String dateFormat,
        boolean weekm,
        String language,
        boolean imperialUnits,
        boolean displayAscent,
        boolean startElevationAtZero,
        boolean useRawGpxSpeed,
        Boolean useDarkMode,
        boolean splitWorkoutCharts,
        boolean hideProfileInUsersDirectory,
        boolean manuallyApprovesFollowers,
        String workoutsVisibility,
        String mapVisibility,
        String analysisVisibility,
        String hrVisibility,
        String caloriesVisibility,
        String segmentsCreationEvent,
        String missingElevationsProcessing) {

    static final List<String> KEYS =
            List.of(
                    "analysis_visibility",
                    "calories_visibility",
                    "date_format",
                    "display_ascent",
                    "hide_profile_in_users_directory",
                    "hr_visibility",
                    "imperial_units",
                    "language",
                    "manually_approves_followers",
                    "map_visibility",
                    "missing_elevations_processing",
                    "segments_creation_event",
                    "split_workout_charts",
                    "start_elevation_at_zero",
                    "timezone",
                    "use_dark_mode",
                    "use_raw_gpx_speed",
                    "weekm",
                    "workouts_visibility");

    /** The languages of FitTrackee's interface; a null language means the default one. */
    static final List<String> LANGUAGES =
            List.of(
                    "bg", "ca", "cs", "de", "en", "es", "eu", "fr", "gl", "hr", "it", "kab", "nb",
                    "nl", "pl", "pt", "ru", "tr", "zh_Hans");

    static final String DEFAULT_LANGUAGE = "en";

    /**
     * The date formats FitTrackee's interface offers ({@code date_string} follows the language).
     */
    static final List<String> DATE_FORMATS =
            List.of("MM/dd/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "date_string");

    /** From the widest to the narrowest. */
    static final List<String> VISIBILITIES = List.of("public", "followers_only", "private");

    static final List<String> SEGMENTS_CREATION_EVENTS = List.of("all", "none", "only_manual");

    static final List<String> ELEVATION_SOURCES =
            List.of("file", "open_elevation", "open_elevation_smooth", "valhalla");

    static PreferencesEdit from(Map<String, Object> body) {
        BodyValues.withKeys(body, KEYS);

        String workouts = BodyValues.oneOf(body, "workouts_visibility", VISIBILITIES);
        String analysis =
                narrowest(workouts, BodyValues.oneOf(body, "analysis_visibility", VISIBILITIES));
        String map = narrowest(analysis, BodyValues.oneOf(body, "map_visibility", VISIBILITIES));
        return new PreferencesEdit(
                timezone(body.get("timezone")),
                BodyValues.oneOf(body, "date_format", DATE_FORMATS),
                BodyValues.bool(body, "weekm"),
                language(body),
                BodyValues.bool(body, "imperial_units"),
                BodyValues.bool(body, "display_ascent"),
                BodyValues.bool(body, "start_elevation_at_zero"),
                BodyValues.bool(body, "use_raw_gpx_speed"),
                BodyValues.nullableBool(body, "use_dark_mode"),
                BodyValues.bool(body, "split_workout_charts"),
                BodyValues.bool(body, "hide_profile_in_users_directory"),
                BodyValues.bool(body, "manually_approves_followers"),
                workouts,
                map,
                analysis,
                BodyValues.oneOf(body, "hr_visibility", VISIBILITIES),
                BodyValues.oneOf(body, "calories_visibility", VISIBILITIES),
                BodyValues.oneOf(body, "segments_creation_event", SEGMENTS_CREATION_EVENTS),
                BodyValues.oneOf(body, "missing_elevations_processing", ELEVATION_SOURCES));
    }

    private static String narrowest(String parent, String child) {
        return VISIBILITIES.indexOf(parent) > VISIBILITIES.indexOf(child) ? parent : child;
    }

    private static String timezone(Object value) {
        if (value instanceof String zone && Timezones.isKnown(zone)) {
            return zone;
        }
        throw FittrackeeException.badRequest(
                "timezone must be a known time zone id, such as Europe/Paris");
    }

    private static String language(Map<String, Object> body) {
        if (body.get("language") == null) {
            return DEFAULT_LANGUAGE;
        }
        return BodyValues.oneOf(body, "language", LANGUAGES);
    }
}
