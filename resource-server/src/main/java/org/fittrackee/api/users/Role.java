package org.fittrackee.api.users;

import java.util.Collection;
import java.util.Locale;

/** FitTrackee's roles and their levels; a realm role of the same name grants one. */
public enum Role {
    USER(10),
    MODERATOR(30),
    ADMIN(50),
    OWNER(100);

    private final int level;

    Role(int level) {
        this.level = level;
    }

    public boolean isAtLeast(Role other) {
        return level >= other.level;
    }

    /** The name FitTrackee's JSON uses: {@code user}, {@code moderator}, ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromJsonName(String name) {
        for (Role role : values()) {
            if (role.jsonName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role " + name);
    }

    /** The highest FitTrackee role among a token's realm roles; {@code user} when none. */
    public static Role highestOf(Collection<String> realmRoles) {
        Role highest = USER;
        for (Role role : values()) {
            if (realmRoles.contains(role.jsonName()) && role.isAtLeast(highest)) {
                highest = role;
            }
        }
        return highest;
    }
}
