package org.fittrackee.keycloak.authorization;

/** A refused authorization request; its message is shown to the user, never sent to the app. */
final class AuthorizationError extends RuntimeException {

    AuthorizationError(String message) {
        super(message, null, false, false);
    }
}
