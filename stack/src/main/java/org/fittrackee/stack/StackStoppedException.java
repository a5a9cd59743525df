package org.fittrackee.stack;

/** The start ended because the stack is being stopped: nothing to report, nothing to fix. */
final class StackStoppedException extends StackException {

    StackStoppedException(String message) {
        super(message);
    }
}
