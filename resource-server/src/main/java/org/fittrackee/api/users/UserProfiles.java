package org.fittrackee.api.users;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.application.AppConfigRepository;
import org.springframework.stereotype.Component;

/** Gathers what a user's full JSON and own profile need: workout totals, records, the policy. */
@Component
public class UserProfiles {

    private final UserRepository users;
    private final AppConfigRepository configs;
    private final UserRecords records;

    public UserProfiles(UserRepository users, AppConfigRepository configs, UserRecords records) {
        this.users = users;
        this.configs = configs;
        this.records = records;
    }

    /**
     * A user's page as the viewer sees it: the light listed form when anonymous, the own profile
     * when the viewer is the user, else the full form.
     *
     * @param viewer the caller, or null when anonymous
     */
    public Map<String, Object> page(User user, User viewer) {
        if (viewer == null) {
            return UserJson.listed(user, users.workoutCount(user.id()), null);
        }
        if (viewer.id() == user.id()) {
            return own(user);
        }
        return UserJson.full(user, users.statsOf(user.id()), recordsOf(user), viewer);
    }

    public Map<String, Object> own(User user) {
        return UserJson.ownProfile(
                user, users.statsOf(user.id()), recordsOf(user), acceptedPrivacyPolicy(user));
    }

    private List<Map<String, Object>> recordsOf(User user) {
        return records.of(user);
    }

    /** Null when never accepted; else whether the acceptance is newer than the current policy. */
    private Boolean acceptedPrivacyPolicy(User user) {
        OffsetDateTime accepted = user.preferences().acceptedPrivacyPolicy();
        if (accepted == null) {
            return null;
        }
        OffsetDateTime policyDate = configs.load().privacyPolicyDate();
        return policyDate == null || policyDate.isBefore(accepted);
    }
}
