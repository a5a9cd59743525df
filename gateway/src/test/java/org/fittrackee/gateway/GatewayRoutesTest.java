package org.fittrackee.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway in front of two recording upstreams standing in for Keycloak and the resource server:
 * each FitTrackee path must reach the right one at the right path, query unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesTest {

    private static final RecordingUpstream KEYCLOAK = RecordingUpstream.start("keycloak");
    private static final RecordingUpstream API = RecordingUpstream.start("api");

    @LocalServerPort int port;

    @Autowired Environment environment;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("fittrackee.keycloak-url", KEYCLOAK::url);
        registry.add("fittrackee.api-url", API::url);
    }

    @AfterAll
    static void stopUpstreams() {
        KEYCLOAK.stop();
        API.stop();
    }

    @ParameterizedTest
    @CsvSource({
        "/profile/apps/authorize?client_id=a&state=x%20y, keycloak,"
                + " /realms/fittrackee/profile/apps/authorize?client_id=a&state=x%20y",
        "/api/oauth/apps?page=2, keycloak, /realms/fittrackee/fittrackee/api/oauth/apps?page=2",
        "/api/oauth/apps/12/by_id, keycloak, /realms/fittrackee/fittrackee/api/oauth/apps/12/by_id",
        "/api/oauth/token, keycloak, /realms/fittrackee/protocol/openid-connect/token",
        "/api/oauth/revoke, keycloak, /realms/fittrackee/protocol/openid-connect/revoke",
        "/.well-known/oauth-authorization-server, keycloak,"
                + " /realms/fittrackee/.well-known/oauth-authorization-server",
        "/.well-known/oauth-authorization-server/realms/fittrackee, keycloak,"
                + " /realms/fittrackee/.well-known/oauth-authorization-server",
        "/realms/fittrackee/login-actions/authenticate?x=1, keycloak,"
                + " /realms/fittrackee/login-actions/authenticate?x=1",
        "/resources/abc/login/style.css, keycloak, /resources/abc/login/style.css",
        "/.well-known/oauth-protected-resource, api, /.well-known/oauth-protected-resource",
        "/.well-known/oauth-protected-resource/api, api,"
                + " /.well-known/oauth-protected-resource/api",
        "/api/workouts?page=1&sport_id=5, api, /api/workouts?page=1&sport_id=5",
        "/api/oauth/anything-else, api, /api/oauth/anything-else"
    })
    void eachFittrackeePathReachesItsUpstream(String path, String upstream, String expected)
            throws Exception {
        RecordingUpstream target = upstream.equals("keycloak") ? KEYCLOAK : API;

        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway(path)).GET());

        assertThat(response.body()).isEqualTo(upstream);
        URI received = URI.create(target.lastPathAndQuery());
        URI wanted = URI.create(expected);
        assertThat(received.getRawPath()).isEqualTo(wanted.getRawPath());
        assertThat(parametersOf(received)).isEqualTo(parametersOf(wanted));
    }

    @Test
    void repeatedParametersArePassedOnAsRepeated() throws Exception {
        send(
                HttpRequest.newBuilder(gateway("/profile/apps/authorize?client_id=a&client_id=b"))
                        .GET());

        assertThat(parametersOf(URI.create(KEYCLOAK.lastPathAndQuery())))
                .containsExactlyInAnyOrder("client_id=a", "client_id=b");
    }

    /** The query's parameters; the gateway may reorder them, which changes no meaning. */
    private static List<String> parametersOf(URI uri) {
        String query = uri.getRawQuery();
        return query == null ? List.of() : Arrays.stream(query.split("&")).sorted().toList();
    }

    @Test
    void theTokenPostReachesKeycloakWithItsForm() throws Exception {
        send(
                HttpRequest.newBuilder(gateway("/api/oauth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&x=1")));

        assertThat(KEYCLOAK.lastMethod()).isEqualTo("POST");
        assertThat(KEYCLOAK.lastBody()).isEqualTo("grant_type=refresh_token&x=1");
    }

    @Test
    void aFormWithCharactersBeyondAsciiReachesKeycloakUnchanged() throws Exception {
        String form = "username=d%C3%A9mo&password=p%C3%A4ss+w%C3%B6rd";

        send(
                HttpRequest.newBuilder(gateway("/realms/fittrackee/login-actions/authenticate?x=1"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(decoded(KEYCLOAK.lastBody())).isEqualTo(decoded(form));
    }

    /** The form's fields, decoded as UTF-8, in their order; empty ones say nothing. */
    private static List<String> decoded(String form) {
        return Arrays.stream(form.split("&"))
                .filter(field -> !field.isEmpty())
                .map(field -> URLDecoder.decode(field, StandardCharsets.UTF_8))
                .toList();
    }

    /**
     * Keycloak's account console asks for JSON with a Content-Type on bodiless GETs, and its
     * account API answers the console's HTML page without it.
     */
    @Test
    void aGetWithoutBodyKeepsItsContentType() throws Exception {
        send(
                HttpRequest.newBuilder(gateway("/realms/fittrackee/account/supportedLocales"))
                        .header("Content-Type", "application/json")
                        .GET());

        assertThat(KEYCLOAK.lastHeader("Content-Type")).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/ping", "/api/oauth/token", "/realms/fittrackee/account"})
    void upstreamsLearnTheHostSchemePortAndClientTheGatewaySees(String path) throws Exception {
        send(HttpRequest.newBuilder(gateway(path)).GET());

        RecordingUpstream target = path.startsWith("/api/ping") ? API : KEYCLOAK;
        assertThat(target.lastHeader("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(target.lastHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(target.lastHeader("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        assertThat(target.lastHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/ping", "/api/oauth/token", "/realms/fittrackee/account"})
    void aClientsForwardedHeadersAreReplacedByWhatTheGatewaySees(String path) throws Exception {
        send(spoofed(gateway(path)));

        RecordingUpstream target = path.startsWith("/api/ping") ? API : KEYCLOAK;
        assertThat(target.lastHeader("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(target.lastHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(target.lastHeader("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        assertThat(target.lastHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(target.lastHeaderValues("X-Forwarded-Host")).hasSize(1);
        assertThat(target.lastHeader("X-Forwarded-Prefix")).isNull();
        assertThat(target.lastHeader("X-Forwarded-Ssl")).isNull();
        assertThat(target.lastHeader("Forwarded")).isNull();
    }

    @Test
    void theGatewayListensOnTheLoopbackInterfaceOnly() throws Exception {
        for (InetAddress address : nonLoopbackAddresses()) {
            // Binding succeeds only where the gateway does not listen; no packet is sent.
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(false);
                probe.bind(new InetSocketAddress(address, port));
            }
        }

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    /**
     * Behind a proxy whose address FITTRACKEE_TRUSTED_PROXIES names (here the loopback address the
     * test client connects from), the proxy's view of the request reaches the upstreams.
     */
    @Nested
    @TestPropertySource(properties = "fittrackee.trusted-proxies=127\\.0\\.0\\.1")
    class BehindATrustedProxy {

        @LocalServerPort int proxiedPort;

        @ParameterizedTest
        @ValueSource(strings = {"/api/ping", "/api/oauth/token"})
        void theProxysForwardedHeadersReachTheUpstreams(String path) throws Exception {
            send(spoofed(URI.create("http://localhost:" + proxiedPort + path)));

            RecordingUpstream target = path.startsWith("/api/ping") ? API : KEYCLOAK;
            assertThat(target.lastHeader("X-Forwarded-Host")).isEqualTo("fittrackee.example.org");
            assertThat(target.lastHeader("X-Forwarded-Proto")).isEqualTo("https");
            assertThat(target.lastHeader("X-Forwarded-Port")).isEqualTo("443");
            assertThat(target.lastHeader("X-Forwarded-For")).isEqualTo("203.0.113.9");
        }

        @Test
        void headersTheGatewayDoesNotWriteAreRemovedEvenFromTheProxy() throws Exception {
            send(spoofed(URI.create("http://localhost:" + proxiedPort + "/api/ping")));

            assertThat(API.lastHeader("X-Forwarded-Prefix")).isNull();
            assertThat(API.lastHeader("X-Forwarded-Ssl")).isNull();
            assertThat(API.lastHeader("Forwarded")).isNull();
        }
    }

    /** A request carrying every forwarding header a client could make up. */
    private static HttpRequest.Builder spoofed(URI url) {
        return HttpRequest.newBuilder(url)
                .header("X-Forwarded-Host", "fittrackee.example.org")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Prefix", "/elsewhere")
                .header("X-Forwarded-Ssl", "on")
                .header("Forwarded", "for=203.0.113.9;host=fittrackee.example.org;proto=https")
                .GET();
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }

    private URI gateway(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP server that answers its name and remembers the last request. */
    static final class RecordingUpstream {

        private final HttpServer server;
        private final AtomicReference<com.sun.net.httpserver.HttpExchange> last =
                new AtomicReference<>();
        private final AtomicReference<String> lastBody = new AtomicReference<>();

        private RecordingUpstream(HttpServer server) {
            this.server = server;
        }

        static RecordingUpstream start(String name) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                RecordingUpstream upstream = new RecordingUpstream(server);
                server.createContext(
                        "/",
                        exchange -> {
                            upstream.lastBody.set(
                                    new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8));
                            upstream.last.set(exchange);
                            byte[] body = name.getBytes(StandardCharsets.UTF_8);
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                            exchange.close();
                        });
                server.start();
                return upstream;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String lastPathAndQuery() {
            return last.get().getRequestURI().toString();
        }

        String lastMethod() {
            return last.get().getRequestMethod();
        }

        String lastBody() {
            return lastBody.get();
        }

        String lastHeader(String name) {
            return last.get().getRequestHeaders().getFirst(name);
        }

        List<String> lastHeaderValues(String name) {
            return last.get().getRequestHeaders().get(name);
        }

        void stop() {
            server.stop(0);
        }
    }
}
