package org.fittrackee.api.application;

import java.time.OffsetDateTime;

/** The instance configuration, FitTrackee's {@code app_config}. */
public record AppConfig(
        int maxUsers,
        int maxSingleFileSize,
        int maxZipFileSize,
        int fileLimitImport,
        int fileSyncLimitImport,
        int statsWorkoutsLimit,
        int globalMapWorkoutsLimit,
        String adminContact,
        String about,
        String privacyPolicy,
        OffsetDateTime privacyPolicyDate) {}
