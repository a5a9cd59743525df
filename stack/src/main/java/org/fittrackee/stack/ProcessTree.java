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
