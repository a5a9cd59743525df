package org.fittrackee.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code ./mvnw -Pstack package} run as the README says, from the project's directory, as a child
 * process in a process group of its own (through {@code setsid}), so that it can be sent Ctrl-C's
 * signal as a terminal sends it: to the whole group. Its output is kept, line by line, and in
 * {@code stack-output.log} in the data directory.
 */
final class StackCommand {

    private final Process process;
    private final Path dataDir;
    private final List<String> lines = new ArrayList<>();

    private StackCommand(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /** Starts the command with the stack's settings; FITTRACKEE_DATA_DIR is the data directory. */
    static StackCommand launch(Path dataDir, Map<String, String> settings) {
        Path projectDir = Path.of(requiredProperty("fittrackee.project.dir"));
        ProcessBuilder builder =
                new ProcessBuilder(
                                "setsid",
                                projectDir.resolve("mvnw").toString(),
                                "-B",
                                "--no-transfer-progress",
                                "-Pstack",
                                "package")
                        .directory(projectDir.toFile())
                        .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Only the settings given here: none of whoever runs the tests.
        environment.keySet().removeIf(name -> name.startsWith("FITTRACKEE_"));
        environment.putAll(settings);
        environment.put("FITTRACKEE_DATA_DIR", dataDir.toString());
        try {
            Files.createDirectories(dataDir);
            StackCommand command = new StackCommand(builder.start(), dataDir);
            command.keepOutput();
            return command;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty directory for a stack's data and logs, under {@code target/} for reading later. */
    static Path emptyDataDir(String name) {
        Path dataDir = Path.of(requiredProperty("e2e.stack.dir"), name).toAbsolutePath();
        try {
            if (Files.exists(dataDir)) {
                try (Stream<Path> paths = Files.walk(dataDir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the first line that matches, failing with the output when the command ended. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = output().stream().filter(wanted).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The stack ended (exit code " + process.exitValue() + "):\n" + tail());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The stack was not ready in " + timeout + ":\n" + tail());
    }

    /**
     * Sends SIGINT to the command's process group, as Ctrl-C in its terminal does. A process
     * started in the background of a shell without job control ignores SIGINT, and so do its
     * children: the tests run that way get SIGTERM instead, which the stack handles the same way.
     */
    void pressCtrlC() throws IOException, InterruptedException {
        String signal = sigintIsIgnored() ? "TERM" : "INT";
        // bash's own kill: no kill program needs to be installed.
        Process kill =
                new ProcessBuilder("bash", "-c", "kill -s " + signal + " -- -" + process.pid())
                        .redirectErrorStream(true)
                        .start();
        kill.waitFor(10, TimeUnit.SECONDS);
    }

    /** Whether this JVM, and so every process it starts, ignores SIGINT (signal 2). */
    private static boolean sigintIsIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (ignored & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    /** Waits for the command to end; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The stack did not end in " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /**
     * The processes still running that the command started: those of its process group and session
     * (all but PostgreSQL's server, which pg_ctl puts in a session of its own), and that server,
     * found by the pid file in the data directory.
     */
    List<ProcessHandle> processesLeft() throws IOException, InterruptedException {
        List<ProcessHandle> left = new ArrayList<>(processesOfGroup(process.pid()));
        Optional<ProcessHandle> postgres = postgresServer();
        if (postgres.isPresent()) {
            // pg_ctl says "stopped" while the server's last process may still be exiting.
            postgres.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
            if (postgres.get().isAlive()) {
                left.add(postgres.get());
            }
        }
        return left;
    }

    /** The embedded PostgreSQL's server process, while its pid file says it runs. */
    Optional<ProcessHandle> postgresServer() throws IOException {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    Path dataDir() {
        return dataDir;
    }

    /** Kills whatever is left, for a test that failed half-way; a passing run leaves nothing. */
    void killWhatIsLeft() throws IOException, InterruptedException {
        for (ProcessHandle left : processesLeft()) {
            left.destroyForcibly();
        }
        process.destroyForcibly();
    }

    /** The ports among these that something on this machine still listens on. */
    static List<Integer> busy(Collection<Integer> ports) {
        List<Integer> busy = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                busy.add(port);
            }
        }
        return busy;
    }

    private void keepOutput() throws IOException {
        Writer log =
                Files.newBufferedWriter(
                        dataDir.resolve("stack-output.log"), StandardCharsets.UTF_8);
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader output =
                                            new BufferedReader(
                                                    new InputStreamReader(
                                                            process.getInputStream(),
                                                            StandardCharsets.UTF_8));
                                    log) {
                                for (String line = output.readLine();
                                        line != null;
                                        line = output.readLine()) {
                                    synchronized (lines) {
                                        lines.add(line);
                                    }
                                    log.write(line + "\n");
                                    log.flush();
                                }
                            } catch (IOException e) {
                                // The command ended; what it wrote is kept.
                            }
                        },
                        "stack-output");
        reader.setDaemon(true);
        reader.start();
    }

    private String tail() {
        List<String> all = output();
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }

    /**
     * Running processes whose process group or session is the command's, from {@code /proc}: the
     * state, process group and session fields of {@code /proc/<pid>/stat}, which follow the command
     * name in parentheses. An exited process not yet reaped (state Z) runs no more.
     */
    private static List<ProcessHandle> processesOfGroup(long leader) throws IOException {
        List<ProcessHandle> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(entry.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                boolean zombie = fields[0].equals("Z");
                long group = Long.parseLong(fields[2]);
                long session = Long.parseLong(fields[3]);
                if (!zombie && (group == leader || session == leader)) {
                    ProcessHandle.of(Long.parseLong(name))
                            .filter(ProcessHandle::isAlive)
                            .ifPresent(members::add);
                }
            }
        }
        return members;
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(
                    "System property "
                            + name
                            + " is missing: run the end-to-end tests through Maven (./mvnw"
                            + " verify), which passes it");
        }
        return value;
    }
}
