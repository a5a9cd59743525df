package org.fittrackee.api.testing;

import java.util.UUID;
import org.fittrackee.api.users.Role;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRepository;

/** Local users for repository tests, made as a token's first call makes them. */
public final class TestUsers {

    private TestUsers() {}

    /** A new user with the USER role and a unique name starting with the prefix. */
    public static User newUser(UserRepository users, String usernamePrefix) {
        String subject = UUID.randomUUID().toString();
        return users.upsertFromToken(
                subject, usernamePrefix + subject.substring(0, 8), Role.USER, false);
    }
}
