package org.fittrackee.stack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A process with every process it started, ended together: {@code kc.sh} runs Keycloak's JVM as its
 * child, and a stop must end both, not leave the JVM behind its script.
 */
public final class ProcessTree {

    private final List<ProcessHandle> processes;

    private ProcessTree(List<ProcessHandle> processes) {
        this.processes = processes;
    }

    /**
     * Whether a process ended this way was asked to stop: 128 + SIGINT (2) or SIGTERM (15), as Java
     * reports a process a signal ended and as shells report their own end by one. Ctrl-C reaches
     * every process of the terminal's process group, the stack's parts included, so a part may end
     * this way before the stack itself hears of the stop.
     */
    public static boolean endedByStopSignal(int exitCode) {
        return exitCode == 128 + 2 || exitCode == 128 + 15;
    }

    public static ProcessTree of(Process root) {
        return new ProcessTree(
                Stream.concat(root.descendants(), Stream.of(root.toHandle())).toList());
    }

    /** Asks every process to stop, waits for them all, and kills those still running then. */
    public void end(Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (ProcessHandle process : processes) {
                long left = Math.max(0, deadline - System.nanoTime());
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            killRemaining();
        } catch (InterruptedException e) {
            killRemaining();
            Thread.currentThread().interrupt();
        }
    }

    private void killRemaining() {
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
