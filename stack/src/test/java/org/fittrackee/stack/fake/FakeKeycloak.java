package org.fittrackee.stack.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fake distribution's {@code kc.sh start} runs: a server that listens where Keycloak is
 * told to, answers ready on the management port, and answers the few admin calls the stack makes
 * for the demo user.
 */
public final class FakeKeycloak {

    public static void main(String[] args) throws IOException {
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
        http.createContext(
                "/admin/realms/fittrackee/users",
                exchange ->
                        answer(
                                exchange,
                                exchange.getRequestMethod().equals("POST") ? 201 : 200,
                                "[]"));
        http.start();
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
