package org.fittrackee.keycloak.scopes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * FitTrackee's seven OAuth scopes. Each is a client scope of the same name in the realm, attached
 * to an app as an optional scope when the app registers it.
 */
public final class FittrackeeScopes {

    public static final String APPLICATION_WRITE = "application:write";

    /** In FitTrackee's order, which is also the order the consent screen lists them in. */
    public static final List<String> ALL =
            List.of(
                    APPLICATION_WRITE,
                    "profile:read",
                    "profile:write",
                    "users:read",
                    "users:write",
                    "workouts:read",
                    "workouts:write");

    private FittrackeeScopes() {}

    /**
     * The known scopes of a space-separated scope string, in the order given and without repeats;
     * unknown names are dropped as FitTrackee drops them.
     */
    public static List<String> knownScopesOf(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }

        Set<String> known = new LinkedHashSet<>();
        for (String name : scope.trim().split("\\s+")) {
            if (ALL.contains(name)) {
                known.add(name);
            }
        }
        return List.copyOf(known);
    }
}
