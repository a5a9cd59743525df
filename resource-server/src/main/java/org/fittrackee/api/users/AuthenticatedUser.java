package org.fittrackee.api.users;

import java.util.Set;

/**
 * The caller of an authenticated request: the local user and the scopes of the token.
 *
 * @param clientId the token's authorized party, the app (or the first-party client)
 */
public record AuthenticatedUser(User user, Set<String> scopes, String clientId) {

    public long id() {
        return user.id();
    }

    public boolean isAdmin() {
        return user.role().isAtLeast(Role.ADMIN);
    }
}
