package org.fittrackee.stack.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.fittrackee.stack.StackSettings.StackFiles;

/**
 * What the stack runs, made small: a Keycloak distribution whose {@code bin/kc.sh} records every
 * invocation and starts {@link FakeKeycloak}, a provider jar, a realm file, and jars that run
 * {@link FakeBootJar}. Everything real about the stack (ports, processes, PostgreSQL, stopping)
 * stays real; only the servers are small.
 */
public final class FakeStackFiles {

    private final Path root;

    private FakeStackFiles(Path root) {
        this.root = root;
    }

    public static FakeStackFiles in(Path root) throws IOException {
        FakeStackFiles files = new FakeStackFiles(root);
        files.writeKcScript();
        Files.writeString(files.providerJar(), "provider, first build");
        Files.writeString(files.realmFile(), "{\"realm\": \"fittrackee\"}");
        files.writeBootJar(files.apiJar(), FakeBootJar.class.getName());
        files.writeBootJar(files.gatewayJar(), FakeBootJar.class.getName());
        files.writeBootJar(files.failingJar(), FakeBootJar.Failing.class.getName());
        return files;
    }

    public StackFiles stackFiles() {
        return new StackFiles(distDir(), providerJar(), realmFile(), apiJar(), gatewayJar());
    }

    /** The same files, but a resource server that dies as it starts. */
    public StackFiles withFailingApi() {
        return new StackFiles(distDir(), providerJar(), realmFile(), failingJar(), gatewayJar());
    }

    public Path distDir() {
        return root.resolve("keycloak");
    }

    public Path providerJar() {
        return root.resolve("fittrackee-keycloak-extensions.jar");
    }

    public Path realmFile() {
        return root.resolve("fittrackee-realm.json");
    }

    public Path apiJar() {
        return root.resolve("resource-server.jar");
    }

    public Path gatewayJar() {
        return root.resolve("gateway.jar");
    }

    private Path failingJar() {
        return root.resolve("failing.jar");
    }

    /** Every kc.sh command line so far, one per line, e.g. "build --db=postgres ...". */
    public List<String> kcInvocations() throws IOException {
        Path invocations = distDir().resolve("invocations");
        return Files.exists(invocations) ? Files.readAllLines(invocations) : List.of();
    }

    /** Makes the next builds last this long, for a stop to come in between. */
    public void makeBuildsLast(int seconds) throws IOException {
        Files.writeString(distDir().resolve("build-seconds"), String.valueOf(seconds));
    }

    /** Makes the next builds fail with this exit code. */
    public void makeBuildsFail(int exitCode) throws IOException {
        Files.writeString(distDir().resolve("build-exit"), String.valueOf(exitCode));
    }

    /** Makes Keycloak find the demo user, as after an earlier start. */
    public void makeTheDemoUserExist() throws IOException {
        Files.writeString(distDir().resolve("demo-exists"), "");
    }

    /** The admin API calls for users so far, e.g. "GET /admin/realms/fittrackee/users?...". */
    public List<String> adminCalls() throws IOException {
        Path calls = distDir().resolve("admin-calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** The environment of the last Keycloak server started, as NAME=value lines. */
    public List<String> keycloakEnvironment() throws IOException {
        return Files.readAllLines(distDir().resolve("environment"));
    }

    /** The environment the jar's process was started with, as NAME=value lines. */
    public List<String> environmentOf(Path jar) throws IOException {
        return Files.readAllLines(Path.of(jar + ".env"));
    }

    private void writeKcScript() throws IOException {
        Path bin = Files.createDirectories(distDir().resolve("bin"));
        Path dist = distDir();
        String script =
                """
                #!/usr/bin/env bash
                printf '%%s\\n' "$*" >> '%1$s/invocations'
                case "$1" in
                  build)
                    if [ -f '%1$s/build-exit' ]; then exit "$(cat '%1$s/build-exit')"; fi
                    if [ -f '%1$s/build-seconds' ]; then exec sleep "$(cat '%1$s/build-seconds')"; fi
                    ;;
                  start)
                    '%2$s' -cp '%3$s' %4$s "$@"
                    ;;
                esac
                """
                        .formatted(dist, java(), testClasses(), FakeKeycloak.class.getName());
        Path kc = bin.resolve("kc.sh");
        Files.writeString(kc, script);
        Files.setPosixFilePermissions(kc, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A jar of a manifest only, whose class path is this module's test classes. */
    private void writeBootJar(Path jar, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
        attributes.put(Attributes.Name.CLASS_PATH, testClasses().toUri().toString());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream output = new JarOutputStream(file, manifest)) {
            output.flush();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path testClasses() {
        try {
            return Path.of(
                    FakeKeycloak.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
