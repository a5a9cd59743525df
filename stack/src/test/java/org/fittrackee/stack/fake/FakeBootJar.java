package org.fittrackee.stack.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * What the fake resource-server and gateway jars run: {@code /api/ping} on the port and address
 * from the environment (the resource server's SERVER_ADDRESS, the gateway's
 * FITTRACKEE_BIND_ADDRESS). It writes the environment it got beside its jar, for the tests.
 */
public final class FakeBootJar {

    public static void main(String[] args) throws IOException {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(System.getenv())
                .forEach((name, value) -> lines.append(name + "=" + value + "\n"));
        // Run with java -jar, the class path is the jar.
        Files.writeString(Path.of(System.getProperty("java.class.path") + ".env"), lines);

        String address =
                System.getenv()
                        .getOrDefault(
                                "SERVER_ADDRESS",
                                System.getenv().getOrDefault("FITTRACKEE_BIND_ADDRESS", "0.0.0.0"));
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/api/ping", exchange -> FakeKeycloak.answer(exchange, 200, "pong"));
        server.start();
    }

    /** What the failing jar runs: a server that dies during its start-up. */
    public static final class Failing {

        public static void main(String[] args) {
            System.out.println("APPLICATION FAILED TO START (on purpose)");
            System.exit(1);
        }
    }
}
