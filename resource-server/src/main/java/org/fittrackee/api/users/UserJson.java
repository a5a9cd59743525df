package org.fittrackee.api.users;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.http.Dates;

/** FitTrackee's JSON for a user. */
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
}
