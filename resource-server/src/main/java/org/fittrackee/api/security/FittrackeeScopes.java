package org.fittrackee.api.security;

import java.util.List;

/** FitTrackee's seven OAuth scopes; first-party tokens carry them all. */
public final class FittrackeeScopes {

    public static final List<String> ALL =
            List.of(
                    "application:write",
                    "profile:read",
                    "profile:write",
                    "users:read",
                    "users:write",
                    "workouts:read",
                    "workouts:write");

    private FittrackeeScopes() {}
}
