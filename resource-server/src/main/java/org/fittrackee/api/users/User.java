package org.fittrackee.api.users;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A FitTrackee user as stored here: identity from Keycloak, profile and preferences ours. */
public record User(
        long id,
        String subject,
        String username,
        String email,
        Role role,
        boolean isActive,
        OffsetDateTime suspendedAt,
        OffsetDateTime createdAt,
        String firstName,
        String lastName,
        String bio,
        String location,
        LocalDate birthDate,
        Preferences preferences) {

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    /** The user's display and privacy preferences (FitTrackee's own-profile fields). */
    public record Preferences(
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
            String missingElevationsProcessing,
            OffsetDateTime acceptedPrivacyPolicy) {}
}
