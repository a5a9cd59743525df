package org.fittrackee.api.profile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The profile and preference columns of the {@code users} table. */
@Repository
class ProfileRepository {

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void updateProfile(long userId, ProfileEdit profile) {
        jdbc.sql(
                        """
                        UPDATE users SET first_name = :firstName, last_name = :lastName,
                            bio = :bio, birth_date = :birthDate, location = :location
                        WHERE id = :id
                        """)
                .param("firstName", profile.firstName())
                .param("lastName", profile.lastName())
                .param("bio", profile.bio())
                .param("birthDate", profile.birthDate())
                .param("location", profile.location())
                .param("id", userId)
                .update();
    }

    void updatePreferences(long userId, PreferencesEdit preferences) {
        jdbc.sql(
                        """
                        UPDATE users SET
                            timezone = :timezone,
                            date_format = :dateFormat,
                            weekm = :weekm,
                            language = :language,
                            imperial_units = :imperialUnits,
                            display_ascent = :displayAscent,
                            start_elevation_at_zero = :startElevationAtZero,
                            use_raw_gpx_speed = :useRawGpxSpeed,
                            use_dark_mode = :useDarkMode,
                            split_workout_charts = :splitWorkoutCharts,
                            hide_profile_in_users_directory = :hideProfileInUsersDirectory,
                            manually_approves_followers = :manuallyApprovesFollowers,
                            workouts_visibility = :workoutsVisibility,
                            map_visibility = :mapVisibility,
                            analysis_visibility = :analysisVisibility,
                            hr_visibility = :hrVisibility,
                            calories_visibility = :caloriesVisibility,
                            segments_creation_event = :segmentsCreationEvent,
                            missing_elevations_processing = :missingElevationsProcessing
                        WHERE id = :id
                        """)
                .param("timezone", preferences.timezone())
                .param("dateFormat", preferences.dateFormat())
                .param("weekm", preferences.weekm())
                .param("language", preferences.language())
                .param("imperialUnits", preferences.imperialUnits())
                .param("displayAscent", preferences.displayAscent())
                .param("startElevationAtZero", preferences.startElevationAtZero())
                .param("useRawGpxSpeed", preferences.useRawGpxSpeed())
                .param("useDarkMode", preferences.useDarkMode())
                .param("splitWorkoutCharts", preferences.splitWorkoutCharts())
                .param("hideProfileInUsersDirectory", preferences.hideProfileInUsersDirectory())
                .param("manuallyApprovesFollowers", preferences.manuallyApprovesFollowers())
                .param("workoutsVisibility", preferences.workoutsVisibility())
                .param("mapVisibility", preferences.mapVisibility())
                .param("analysisVisibility", preferences.analysisVisibility())
                .param("hrVisibility", preferences.hrVisibility())
                .param("caloriesVisibility", preferences.caloriesVisibility())
                .param("segmentsCreationEvent", preferences.segmentsCreationEvent())
                .param("missingElevationsProcessing", preferences.missingElevationsProcessing())
                .param("id", userId)
                .update();
    }
}
