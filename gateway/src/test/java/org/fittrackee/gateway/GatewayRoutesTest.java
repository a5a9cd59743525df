package org.fittrackee.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of two recording upstreams standing in for Keycloak and the resource server:
 * each FitTrackee path must reach the right one at the right path, query unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesTest {

    private static final RecordingUpstream KEYCLOAK = RecordingUpstream.start("keycloak");
    private static final RecordingUpstream API = RecordingUpstream.start("api");

    @LocalServerPort int port;

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
    void upstreamsLearnThePublicHostAndScheme() throws Exception {
        send(HttpRequest.newBuilder(gateway("/api/ping")).GET());

        assertThat(API.lastHeader("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(API.lastHeader("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void aClientsForwardedHeaderNeverReachesAnUpstream() throws Exception {
        send(
                HttpRequest.newBuilder(gateway("/api/ping"))
                        .header("Forwarded", "host=evil.example;proto=https")
                        .GET());

        assertThat(API.lastHeader("Forwarded")).isNull();
        assertThat(API.lastHeader("X-Forwarded-Prefix")).isNull();
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

        void stop() {
            server.stop(0);
        }
    }
}
