package org.fittrackee.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Spring Boot jar run in its own JVM, its output in a log file, stopped with the stack. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java -jar} on the jar with the extra environment.
     *
     * @param name what the person starting the stack calls it, e.g. "resource server"
     */
    static ChildProcess startJar(String name, Path jar, Map<String, String> env, Path logDir) {
        try {
            Path log = Files.createDirectories(logDir).resolve(name.replace(' ', '-') + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder =
                    new ProcessBuilder(List.of(java, "-jar", jar.toString()))
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new StackException("Cannot start the " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the URL answers 200, failing early when the process dies. */
    void awaitReady(URI url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                if (ProcessTree.endedByStopSignal(process.exitValue())) {
                    throw new StackStoppedException("The " + name + " was stopped as it started");
                }
                throw new StackException(
                        "The " + name + " stopped during start-up: its log " + log + " says why");
            }
            if (answers(http, url)) {
                return;
            }
            sleep();
        }
        throw new StackException(
                "The " + name + " was not ready in " + timeout + ": its log " + log + " says why");
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    void stop() {
        if (process.isAlive()) {
            ProcessTree.of(process).end(Duration.ofSeconds(15));
        }
    }

    private static boolean answers(HttpClient http, URI url) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
