package org.fittrackee.stack;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the one-command stack runs with, from the environment: ports, the gateway's address and
 * trusted proxies, an optional external PostgreSQL for the resource server, the admin password, and
 * where data and logs are kept. Every wrong value is reported as one clear {@link StackException}
 * naming its variable.
 *
 * @param ports each port by the variable that sets it, in the order they are checked
 * @param bindAddress where the gateway listens; every other part listens on 127.0.0.1
 * @param trustedProxies the gateway's regular expression for proxies whose forwarded headers it
 *     believes, empty for none
 * @param databaseUrl the resource server's PostgreSQL, or null for the embedded one
 * @param databaseUsername its account, or null for the embedded one
 * @param databasePassword its password, or null for the embedded one
 * @param demoUser whether the stack makes the realm's demo user when it is missing
 */
public record StackSettings(
        Map<String, Integer> ports,
        String bindAddress,
        String trustedProxies,
        String databaseUrl,
        String databaseUsername,
        String databasePassword,
        String adminPassword,
        boolean demoUser,
        Path dataDir,
        StackFiles files) {

    public static final String PUBLIC_PORT = "FITTRACKEE_PORT";
    public static final String KEYCLOAK_PORT = "FITTRACKEE_KEYCLOAK_PORT";
    public static final String KEYCLOAK_MANAGEMENT_PORT = "FITTRACKEE_KEYCLOAK_MANAGEMENT_PORT";
    public static final String API_PORT = "FITTRACKEE_API_PORT";

    /** The port variables with their defaults, in the order they are checked and reported. */
    static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    /** Where every part but the gateway listens: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public StackSettings {
        ports = Map.copyOf(ports);
    }

    /**
     * The settings of {@code ./mvnw -Pstack package}: the environment, checked first, and the files
     * Maven built.
     */
    public static StackSettings from(Map<String, String> env, Path projectDir) {
        StackSettings fromEnvironment = from(env, null, projectDir);
        return fromEnvironment.with(StackFiles.fromSystemProperties(projectDir));
    }

    /** The settings from the environment, running the given files. */
    public static StackSettings from(Map<String, String> env, StackFiles files) {
        return from(env, files, Path.of("."));
    }

    private static StackSettings from(Map<String, String> env, StackFiles files, Path projectDir) {
        String databaseUrl = databaseUrl(env);
        String bindAddress = bindAddress(env);
        return new StackSettings(
                ports(env),
                bindAddress,
                trustedProxies(env),
                databaseUrl,
                databaseAccount(env, "FITTRACKEE_DATABASE_USERNAME", databaseUrl),
                databaseAccount(env, "FITTRACKEE_DATABASE_PASSWORD", databaseUrl),
                adminPassword(env),
                demoUser(env, bindAddress),
                Path.of(
                                env.getOrDefault(
                                        "FITTRACKEE_DATA_DIR",
                                        projectDir.resolve(".fittrackee").toString()))
                        .toAbsolutePath(),
                files);
    }

    public int publicPort() {
        return ports.get(PUBLIC_PORT);
    }

    public int keycloakPort() {
        return ports.get(KEYCLOAK_PORT);
    }

    public int keycloakManagementPort() {
        return ports.get(KEYCLOAK_MANAGEMENT_PORT);
    }

    public int apiPort() {
        return ports.get(API_PORT);
    }

    /** The ports in a fixed order, so that a busy one is always reported the same way. */
    public Map<String, Integer> portsInOrder() {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        DEFAULT_PORTS.keySet().forEach(name -> ordered.put(name, ports.get(name)));
        return ordered;
    }

    public String baseUrl() {
        return "http://localhost:" + publicPort();
    }

    public String issuerUrl() {
        return baseUrl() + "/realms/fittrackee";
    }

    public boolean gatewayIsExposed() {
        return !bindAddress.equals(LOOPBACK);
    }

    private StackSettings with(StackFiles built) {
        return new StackSettings(
                ports,
                bindAddress,
                trustedProxies,
                databaseUrl,
                databaseUsername,
                databasePassword,
                adminPassword,
                demoUser,
                dataDir,
                built);
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(PUBLIC_PORT, 5000);
        ports.put(KEYCLOAK_PORT, 8180);
        ports.put(KEYCLOAK_MANAGEMENT_PORT, 9180);
        ports.put(API_PORT, 5001);
        return Collections.unmodifiableMap(ports);
    }

    private static Map<String, Integer> ports(Map<String, String> env) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, fallback) -> ports.put(name, port(env, name, fallback)));
        requireDistinct(ports);
        return ports;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, as every other wrong value
        }
        throw new StackException(
                name + "=" + value + " is not a port number: use a number from 1 to 65535");
    }

    private static void requireDistinct(Map<String, Integer> ports) {
        Map<Integer, String> owners = new LinkedHashMap<>();
        ports.forEach(
                (name, port) -> {
                    String other = owners.putIfAbsent(port, name);
                    if (other != null) {
                        throw new StackException(
                                other
                                        + " and "
                                        + name
                                        + " are both "
                                        + port
                                        + ": give each part a port of its own");
                    }
                });
    }

    /**
     * NOTE: an exposed gateway serves other machines' API calls, not their browsers: Keycloak still
     * names itself http://localhost:port, and its Secure cookies need localhost over plain HTTP. A
     * public-URL setting with TLS in front would lift it (docs/limitations.md).
     */
    private static String bindAddress(Map<String, String> env) {
        String value = env.getOrDefault("FITTRACKEE_BIND_ADDRESS", "").trim();
        if (value.isEmpty()) {
            return LOOPBACK;
        }
        if (!isAddressOfThisMachine(value)) {
            throw new StackException(
                    "FITTRACKEE_BIND_ADDRESS="
                            + value
                            + " is not an IP address of this machine: use 127.0.0.1 (the"
                            + " default), 0.0.0.0 for every interface, or one of its addresses");
        }
        return value;
    }

    private static boolean isAddressOfThisMachine(String value) {
        if (!IPV4.matcher(value).matches() && !value.contains(":")) {
            return false;
        }
        try {
            // A literal is parsed, never looked up.
            InetAddress address = InetAddress.getByName(value);
            return address.isAnyLocalAddress()
                    || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    private static String trustedProxies(Map<String, String> env) {
        String value = env.getOrDefault("FITTRACKEE_TRUSTED_PROXIES", "").trim();
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException e) {
            throw new StackException(
                    "FITTRACKEE_TRUSTED_PROXIES="
                            + value
                            + " is not a Java regular expression ("
                            + e.getDescription()
                            + "): write the proxies' addresses as, for example, 10\\.0\\.0\\.5");
        }
    }

    private static String databaseUrl(Map<String, String> env) {
        String value = env.getOrDefault("FITTRACKEE_DATABASE_URL", "").trim();
        if (value.isEmpty()) {
            return null;
        }
        if (!value.startsWith("jdbc:postgresql://")) {
            throw new StackException(
                    "FITTRACKEE_DATABASE_URL="
                            + withoutQuery(value)
                            + " is not a PostgreSQL JDBC URL: write it as"
                            + " jdbc:postgresql://host:port/database, or unset it to use the"
                            + " embedded PostgreSQL");
        }
        return value;
    }

    /**
     * The account of the external database, postgres when not given; null without an external
     * database, whose account and password the embedded database has.
     */
    private static String databaseAccount(Map<String, String> env, String name, String url) {
        String value = env.get(name);
        if (url == null && value != null) {
            throw new StackException(
                    name
                            + " is set but FITTRACKEE_DATABASE_URL is not: set the URL of the"
                            + " PostgreSQL it belongs to, or unset "
                            + name
                            + " to use the embedded PostgreSQL");
        }
        if (url == null) {
            return null;
        }
        return value == null ? EmbeddedDatabase.USER : value;
    }

    private static String adminPassword(Map<String, String> env) {
        String value = env.get("FITTRACKEE_ADMIN_PASSWORD");
        if (value == null) {
            return "admin";
        }
        if (value.isBlank()) {
            throw new StackException(
                    "FITTRACKEE_ADMIN_PASSWORD is empty: set the Keycloak admin's password, or"
                            + " unset it to use admin");
        }
        return value;
    }

    /**
     * Whether to make the demo user: by default only while the gateway listens on this machine
     * alone, since its password, demo, is written in the docs for everybody to read.
     */
    private static boolean demoUser(Map<String, String> env, String bindAddress) {
        String value = env.getOrDefault("FITTRACKEE_DEMO_USER", "").trim();
        if (value.isEmpty()) {
            return bindAddress.equals(LOOPBACK);
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new StackException(
                "FITTRACKEE_DEMO_USER="
                        + value
                        + " is neither true nor false: set true to have the demo user made when"
                        + " it is missing, false not to, or unset it (true unless"
                        + " FITTRACKEE_BIND_ADDRESS exposes the gateway)");
    }

    /** The URL without its query, where a password may be written. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    /** What the stack runs: the Keycloak distribution, our provider jar, the realm, two jars. */
    public record StackFiles(
            Path keycloakDistDir, Path providerJar, Path realmFile, Path apiJar, Path gatewayJar) {

        /** The paths Maven passes as system properties, relative to the project's directory. */
        public static StackFiles fromSystemProperties(Path projectDir) {
            return new StackFiles(
                    built(projectDir, "keycloak.dist.dir"),
                    built(projectDir, "keycloak.provider.jar"),
                    built(projectDir, "keycloak.realm.file"),
                    built(projectDir, "fittrackee.api.jar"),
                    built(projectDir, "fittrackee.gateway.jar"));
        }

        private static Path built(Path projectDir, String property) {
            String value = System.getProperty(property);
            if (value == null) {
                throw new StackException(
                        "System property "
                                + property
                                + " is missing: start the stack with ./mvnw -Pstack package");
            }
            Path path = projectDir.resolve(value);
            if (!Files.exists(path)) {
                throw new StackException(
                        path + " is missing: build it with ./mvnw -Pstack package");
            }
            return path;
        }
    }
}
