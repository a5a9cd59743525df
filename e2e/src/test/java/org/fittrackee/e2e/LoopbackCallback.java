package org.fittrackee.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The third-party app's redirect URI: a small HTTP server on the loopback interface, as a native
 * app runs one (RFC 8252 §7.3). It keeps every answer the browser brings back, query included, for
 * the app to read.
 */
final class LoopbackCallback implements AutoCloseable {

    private static final String PATH = "/callback";
    private static final byte[] PAGE =
            """
            <!doctype html>
            <html><head><title>Workout sync</title></head>
            <body><p>Workout sync has FitTrackee's answer. You can close this window.</p></body>
            </html>
            """
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final BlockingQueue<URI> answers = new LinkedBlockingQueue<>();

    private LoopbackCallback(HttpServer server) {
        this.server = server;
    }

    static LoopbackCallback start() throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        HttpServer server = HttpServer.create(loopback, 0);
        LoopbackCallback callback = new LoopbackCallback(server);
        server.createContext(PATH, callback::answer);
        server.start();
        return callback;
    }

    /** The URI to register, with the port the server got. */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Forgets answers left from an earlier authorization. */
    void clear() {
        answers.clear();
    }

    /** The next answer, as the full URI the browser was sent to. */
    URI awaitAnswer(Duration timeout) throws InterruptedException {
        URI answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            throw new AssertionError("The browser did not come back to " + redirectUri());
        }
        return answer;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        answers.add(URI.create(redirectUri() + (query == null ? "" : "?" + query)));

        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, PAGE.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(PAGE);
        }
    }
}
