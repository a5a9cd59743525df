package org.fittrackee.stack.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fake distribution's {@code kc.sh start} runs, in the distribution's directory: a server
 * that listens where Keycloak is told to, answers ready on the management port, and answers the few
 * admin calls the stack makes for the demo user. It writes the environment it got to {@code
 * environment} and each admin call to {@code admin-calls} there, and finds the demo user when
 * {@code demo-exists} is there.
 */
public final class FakeKeycloak {

    public static void main(String[] args) throws IOException {
        StringBuilder environment = new StringBuilder();
        new TreeMap<>(System.getenv())
                .forEach((name, value) -> environment.append(name + "=" + value + "\n"));
        Files.writeString(Path.of("environment"), environment);

        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }

        HttpServer management =
                HttpServer.create(
                        new InetSocketAddress(
                                options.get("http-management-host"),
                                Integer.parseInt(options.get("http-management-port"))),
                        0);
        management.createContext("/health/ready", exchange -> answer(exchange, 200, "UP"));
        management.start();

        HttpServer http =
                HttpServer.create(
                        new InetSocketAddress(
                                options.get("http-host"),
                                Integer.parseInt(options.get("http-port"))),
                        0);
        http.createContext(
                "/realms/master/protocol/openid-connect/token",
                exchange -> answer(exchange, 200, "{\"access_token\": \"fake\"}"));
        http.createContext("/admin/realms/fittrackee/users", FakeKeycloak::answerUsers);
        http.start();
    }

    private static void answerUsers(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Files.writeString(
                Path.of("admin-calls"),
                method + " " + exchange.getRequestURI() + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (method.equals("POST")) {
            answer(exchange, 201, "");
            return;
        }
        boolean demoExists = Files.exists(Path.of("demo-exists"));
        answer(exchange, 200, demoExists ? "[{\"username\": \"demo\"}]" : "[]");
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 201 ? -1 : bytes.length);
        if (status != 201) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
