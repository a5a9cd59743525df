package org.fittrackee.stack;

/** Something the person starting the stack must fix; its message says what and how. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message, null, false, false);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The first line of a cause's message, for a report of one line. */
    static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
    }
}
