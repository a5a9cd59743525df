package org.fittrackee.api.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.security.PublicEndpoint;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserProfiles;
import org.fittrackee.api.users.UserRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * FitTrackee's own-profile routes: read the profile, edit it and the preferences, list the time
 * zones. Identity (username, email, password) is Keycloak's and is not edited here.
 */
@RestController
public class ProfileController {

    private final ProfileRepository profiles;
    private final UserRepository users;
    private final UserProfiles userProfiles;

    public ProfileController(
            ProfileRepository profiles, UserRepository users, UserProfiles userProfiles) {
        this.profiles = profiles;
        this.users = users;
        this.userProfiles = userProfiles;
    }

    @GetMapping("/api/auth/profile")
    @RequireAuth(scope = "profile:read", allowSuspended = true)
    public Map<String, Object> profile(AuthenticatedUser caller) {
        return response(null, userProfiles.own(caller.user()));
    }

    @PostMapping("/api/auth/profile/edit")
    @RequireAuth(scope = "profile:write", allowSuspended = true)
    @Transactional
    public Map<String, Object> editProfile(
            AuthenticatedUser caller, @RequestBody(required = false) Map<String, Object> body) {
        ProfileEdit edit = ProfileEdit.from(body);

        profiles.updateProfile(caller.id(), edit);
        return response("user profile updated", userProfiles.own(reloaded(caller)));
    }

    @PostMapping("/api/auth/profile/edit/preferences")
    @RequireAuth(scope = "profile:write", allowSuspended = true)
    @Transactional
    public Map<String, Object> editPreferences(
            AuthenticatedUser caller, @RequestBody(required = false) Map<String, Object> body) {
        PreferencesEdit edit = PreferencesEdit.from(body);

        profiles.updatePreferences(caller.id(), edit);
        return response("user preferences updated", userProfiles.own(reloaded(caller)));
    }

    @GetMapping("/api/auth/timezones")
    @PublicEndpoint
    public Map<String, Object> timezones() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("timezones", Timezones.listed());
        return response;
    }

    private User reloaded(AuthenticatedUser caller) {
        return users.findById(caller.id()).orElseThrow();
    }

    private static Map<String, Object> response(String message, Map<String, Object> profile) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        if (message != null) {
            response.put("message", message);
        }
        response.put("data", profile);
        return response;
    }
}
