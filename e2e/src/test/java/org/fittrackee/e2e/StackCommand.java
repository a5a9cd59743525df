package org.fittrackee.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.fittrackee.keycloak.testing.AdminApi;
import org.fittrackee.stack.FreePorts;
import org.fittrackee.stack.StackSettings;

/**
 * {@code ./mvnw -Pstack package} run as the README says, from the project's directory, as a child
 * process in a process group of its own (through {@code setsid}), so that it can be sent Ctrl-C's
 * signal as a terminal sends it: to the whole group. Its output is kept, line by line, and in
 * {@code stack-output.log} in the data directory.
 *
 * <p>The processes it started are told apart from every other by their process group or session and
 * by a start no earlier than the command's own, so that a number the system gave again to an
 * unrelated process later is never taken for one of them.
 */
final class StackCommand {

    private final Process process;
    private final Instant launched;
    private final Path dataDir;
    private final Map<Path, String> classPathBefore;
    private final List<String> lines = new ArrayList<>();

    private StackCommand(Process process, Path dataDir, Map<Path, String> classPathBefore) {
        this.process = process;
        // As the system counts it, which is how every process it started is compared to it.
        this.launched = process.toHandle().info().startInstant().orElseThrow();
        this.dataDir = dataDir;
        this.classPathBefore = classPathBefore;
    }

    /**
     * Whether this machine can run the command as the tests do: {@code setsid} and {@code /proc}.
     */
    static boolean canRun() {
        boolean setsid =
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                        .anyMatch(directory -> Files.isExecutable(Path.of(directory, "setsid")));
        return setsid && Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** Starts the command with the stack's settings; FITTRACKEE_DATA_DIR is the data directory. */
    static StackCommand launch(Path dataDir, Map<String, String> settings) {
        Path projectDir = Path.of(requiredProperty("fittrackee.project.dir"));
        ProcessBuilder builder =
                new ProcessBuilder(mavenCommand(projectDir))
                        .directory(projectDir.toFile())
                        .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Only the settings given here: none of whoever runs the tests.
        environment.keySet().removeIf(name -> name.startsWith("FITTRACKEE_"));
        environment.putAll(settings);
        environment.put("FITTRACKEE_DATA_DIR", dataDir.toString());
        try {
            Files.createDirectories(dataDir);
            Map<Path, String> classPath = projectJarsOnTheClassPath(projectDir);
            StackCommand command = new StackCommand(builder.start(), dataDir, classPath);
            command.keepOutput();
            return command;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The README's command, with what the build running these tests was given: offline or not, its
     * settings file and its local repository, so that the nested build resolves the same way.
     */
    private static List<String> mavenCommand(Path projectDir) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "setsid",
                                projectDir.resolve("mvnw").toString(),
                                "-B",
                                "--no-transfer-progress"));
        if (Boolean.parseBoolean(System.getProperty("e2e.maven.offline"))) {
            command.add("--offline");
        }
        String settings = System.getProperty("e2e.maven.settings", "");
        if (!settings.isBlank() && Files.isRegularFile(Path.of(settings))) {
            command.addAll(List.of("--settings", settings));
        }
        String localRepository = System.getProperty("e2e.maven.repo.local", "");
        if (!localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of("-Pstack", "package"));
        return command;
    }

    /**
     * Checks that the nested build wrote none of the project's jars this JVM runs from (the
     * Keycloak test harness, the stack's test classes): a jar rewritten under a running JVM breaks
     * its next class loading in ways that hide the cause.
     */
    void assertClassPathUnchanged() throws IOException {
        Path projectDir = Path.of(requiredProperty("fittrackee.project.dir"));
        assertThat(projectJarsOnTheClassPath(projectDir))
                .as("the project's jars on the tests' class path, after ./mvnw -Pstack package")
                .isEqualTo(classPathBefore);
    }

    /**
     * The project's jars this JVM loads classes from, with their SHA-256: the Keycloak test
     * harness, the stack and its test jar (each class below comes from one of them).
     */
    private static Map<Path, String> projectJarsOnTheClassPath(Path projectDir) throws IOException {
        Map<Path, String> digests = new TreeMap<>();
        for (Class<?> loaded : List.of(AdminApi.class, StackSettings.class, FreePorts.class)) {
            Path jar = codeSource(loaded);
            if (jar.startsWith(projectDir.toAbsolutePath()) && Files.isRegularFile(jar)) {
                digests.put(jar, sha256(jar));
            }
        }
        return digests;
    }

    private static Path codeSource(Class<?> loaded) {
        try {
            return Path.of(loaded.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
        List<ProcessHandle> left = new ArrayList<>(processesOfGroup());
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

    /** Every process of the running stack: those of the command's group, PostgreSQL's with them. */
    List<ProcessHandle> processes() throws IOException {
        List<ProcessHandle> processes = new ArrayList<>(processesOfGroup());
        Optional<ProcessHandle> postgres = postgresServer();
        if (postgres.isPresent()) {
            processes.add(postgres.get());
            processes.addAll(postgres.get().descendants().toList());
        }
        return processes;
    }

    /**
     * The embedded PostgreSQL's server process, while its pid file names one that runs: a postgres
     * server started after the command, on this data directory. (A pid file left by a server that
     * was killed names a process that is gone, or another one since.)
     */
    Optional<ProcessHandle> postgresServer() throws IOException {
        Path directory = dataDir.resolve("postgres");
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> pidLines = Files.readAllLines(pidFile);
        if (pidLines.isEmpty() || !pidLines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(pidLines.get(0).trim());
        return ProcessHandle.of(pid)
                .filter(this::startedByTheCommand)
                .filter(server -> isPostgresOn(server, directory));
    }

    /**
     * Whether the process's command line runs postgres on the directory, read from {@code
     * /proc/<pid>/cmdline}: {@code .../bin/postgres -D <directory> ...}.
     */
    private static boolean isPostgresOn(ProcessHandle server, Path directory) {
        try {
            String[] arguments =
                    Files.readString(Path.of("/proc", String.valueOf(server.pid()), "cmdline"))
                            .split("\0");
            List<String> argumentList = List.of(arguments);
            int dataOption = argumentList.indexOf("-D");
            return arguments.length > 0
                    && Path.of(arguments[0]).getFileName().toString().equals("postgres")
                    && dataOption >= 0
                    && dataOption + 1 < arguments.length
                    && Path.of(arguments[dataOption + 1]).toAbsolutePath().equals(directory);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the process started at or after the command: never one that was there before. */
    private boolean startedByTheCommand(ProcessHandle candidate) {
        return candidate.isAlive()
                && candidate
                        .info()
                        .startInstant()
                        .filter(started -> !started.isBefore(launched))
                        .isPresent();
    }

    /**
     * Every TCP socket that a process of the stack listens on, IPv4 and IPv6: the sockets of the
     * listening lines of {@code /proc/net/tcp} and {@code /proc/net/tcp6} that are open in one of
     * the processes, as their {@code /proc/<pid>/fd} links name them.
     */
    List<ListeningSocket> listeningSockets() throws IOException {
        Map<Long, ProcessHandle> owners = new HashMap<>();
        for (ProcessHandle owner : processes()) {
            socketsOf(owner).forEach(inode -> owners.putIfAbsent(inode, owner));
        }
        List<ListeningSocket> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] fields = line.trim().split("\\s+");
                boolean listening = fields[3].equals("0A");
                ProcessHandle owner = owners.get(Long.parseLong(fields[9]));
                if (listening && owner != null) {
                    sockets.add(ListeningSocket.parse(fields[1], owner));
                }
            }
        }
        return sockets;
    }

    private static List<Long> socketsOf(ProcessHandle owner) {
        Path fds = Path.of("/proc", String.valueOf(owner.pid()), "fd");
        List<Long> inodes = new ArrayList<>();
        try (Stream<Path> links = Files.list(fds)) {
            for (Path link : links.toList()) {
                String target = readLink(link);
                if (target.startsWith("socket:[")) {
                    inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                }
            }
        } catch (IOException e) {
            // The process ended meanwhile: it listens on nothing.
        }
        return inodes;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return ""; // closed meanwhile
        }
    }

    /**
     * A listening socket: its address and port from a line of {@code /proc/net/tcp*}, and the
     * process that holds it.
     */
    record ListeningSocket(InetAddress address, int port, ProcessHandle owner) {

        /**
         * Reads {@code local_address}: the address as hex in the kernel's byte order, 32-bit word
         * by word (one word for IPv4, four for IPv6), a colon, then the port in hex.
         */
        static ListeningSocket parse(String localAddress, ProcessHandle owner) {
            String[] parts = localAddress.split(":");
            byte[] address = HexFormat.of().parseHex(parts[0]);
            if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
                for (int word = 0; word < address.length; word += 4) {
                    reverse(address, word, word + 4);
                }
            }
            try {
                return new ListeningSocket(
                        InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16), owner);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("not an address: " + localAddress, e);
            }
        }

        private static void reverse(byte[] bytes, int from, int to) {
            for (int i = from, j = to - 1; i < j; i++, j--) {
                byte swapped = bytes[i];
                bytes[i] = bytes[j];
                bytes[j] = swapped;
            }
        }

        /** The address, then the process by its number and the end of its command line. */
        @Override
        public String toString() {
            String commandLine = owner.info().commandLine().orElse("");
            return address.getHostAddress()
                    + ":"
                    + port
                    + " (pid "
                    + owner.pid()
                    + ": ..."
                    + commandLine.substring(Math.max(0, commandLine.length() - 100))
                    + ")";
        }
    }

    /** The command lines of the stack's processes, read as {@code ps} shows them to everybody. */
    List<String> commandLines() throws IOException {
        List<String> commandLines = new ArrayList<>();
        for (ProcessHandle running : processes()) {
            Path cmdline = Path.of("/proc", String.valueOf(running.pid()), "cmdline");
            try {
                commandLines.add(Files.readString(cmdline).replace('\0', ' '));
            } catch (IOException e) {
                // ended meanwhile
            }
        }
        return commandLines;
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
    void killWhatIsLeft() throws IOException {
        for (ProcessHandle left : processes()) {
            left.destroyForcibly();
        }
        process.destroyForcibly();
    }

    /** Whether the command ended with everything it started. */
    boolean endedWithNothingLeft() throws IOException, InterruptedException {
        return !process.isAlive() && processesLeft().isEmpty();
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
     * Running processes whose process group or session is the command's, and that started at or
     * after it, from {@code /proc}: the state, process group and session fields of {@code
     * /proc/<pid>/stat}, which follow the command name in parentheses. An exited process not yet
     * reaped (state Z) runs no more.
     */
    private List<ProcessHandle> processesOfGroup() throws IOException {
        long leader = process.pid();
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
                            .filter(this::startedByTheCommand)
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
