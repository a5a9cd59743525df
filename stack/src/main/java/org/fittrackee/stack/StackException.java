package org.fittrackee.stack;

/** Something the person starting the stack must fix; its message says what and how. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message, null, false, false);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
