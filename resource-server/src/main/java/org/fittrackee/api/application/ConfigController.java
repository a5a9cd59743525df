package org.fittrackee.api.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.http.Dates;
import org.fittrackee.api.http.UploadLimit;
import org.fittrackee.api.security.PublicEndpoint;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.security.ResourceServerSettings;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** FitTrackee's {@code /api/config}: read by anyone, changed by admins. */
@RestController
public class ConfigController {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigController.class);

    private final AppConfigRepository configs;
    private final ResourceServerSettings settings;
    private final UploadLimit uploadLimit;

    public ConfigController(
            AppConfigRepository configs, ResourceServerSettings settings, UploadLimit uploadLimit) {
        this.configs = configs;
        this.settings = settings;
        this.uploadLimit = uploadLimit;
    }

    @GetMapping("/api/config")
    @PublicEndpoint
    public Map<String, Object> config() {
        return success(configs.load());
    }

    @PatchMapping("/api/config")
    @RequireAuth(scope = "application:write", role = Role.ADMIN)
    @Transactional
    public Map<String, Object> update(
            AuthenticatedUser caller, @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> columns =
                ConfigUpdate.validate(body, configs.load(), uploadLimit.bytes());
        if (columns.containsKey("privacy_policy")) {
            columns.put("privacy_policy_date", OffsetDateTime.now(ZoneOffset.UTC));
        }

        configs.update(columns);
        LOG.info("Configuration {} changed by admin {}", columns.keySet(), caller.id());
        return success(configs.load());
    }

    private Map<String, Object> success(AppConfig config) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("about", config.about());
        data.put("admin_contact", config.adminContact());
        data.put("elevation_services", Map.of("open_elevation", false, "valhalla", false));
        data.put("file_limit_import", config.fileLimitImport());
        data.put("file_sync_limit_import", config.fileSyncLimitImport());
        data.put("global_map_workouts_limit", config.globalMapWorkoutsLimit());
        data.put("is_email_sending_enabled", false);
        data.put("is_registration_enabled", false);
        data.put("map_attribution", "&copy; OpenStreetMap contributors");
        data.put("max_single_file_size", config.maxSingleFileSize());
        data.put("max_users", config.maxUsers());
        data.put("max_zip_file_size", config.maxZipFileSize());
        data.put("privacy_policy", config.privacyPolicy());
        data.put("privacy_policy_date", Dates.rfc1123(config.privacyPolicyDate()));
        data.put("stats_workouts_limit", config.statsWorkoutsLimit());
        data.put("version", settings.version());
        data.put("weather_provider", null);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", data);
        return response;
    }
}
