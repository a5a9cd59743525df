package org.fittrackee.keycloak.apps;

/** A registration request that cannot be accepted; its message is FitTrackee's 400 message. */
public final class InvalidRegistrationException extends RuntimeException {

    InvalidRegistrationException(String message) {
        super(message, null, false, false);
    }
}
