package org.fittrackee.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.application.AppConfigRepository;
import org.fittrackee.api.testing.ApiTest.TestToken;
import org.fittrackee.api.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The server's own upload limit over real HTTP, set here to 64 KB: a larger request gets
 * FitTrackee's 413 with its readable sizes, and the instance's limit cannot be set above it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.servlet.multipart.max-file-size=64KB",
            "spring.servlet.multipart.max-request-size=64KB"
        })
@AutoConfigureMockMvc
class UploadLimitTest {

    private static final String TOKEN = "athlete-token";
    private static final String BOUNDARY = "upload-limit-boundary";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired AppConfigRepository configs;

    /** The instance's limit before the test, which other test classes of the run share. */
    private int instanceLimit;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("fittrackee.database.url", TestDatabase::url);
    }

    @BeforeEach
    void rememberTheInstanceLimit() {
        instanceLimit = configs.load().maxSingleFileSize();
    }

    @AfterEach
    void restoreTheInstanceLimit() {
        configs.update(Map.of("max_single_file_size", instanceLimit));
    }

    /** Real HTTP needs a decoder; this one knows one token, of a user with every scope. */
    @TestConfiguration
    static class OneToken {

        @Bean
        @Primary
        JwtDecoder oneTokenDecoder() {
            return token -> {
                if (!TOKEN.equals(token)) {
                    throw new BadJwtException("unknown token");
                }
                return Jwt.withTokenValue(token)
                        .header("alg", "none")
                        .subject("upload-limit-athlete")
                        .claim("preferred_username", "upload-limit-athlete")
                        .claim("azp", "test-app")
                        .claim("scope", "workouts:read workouts:write")
                        .claim("realm_access", Map.of("roles", List.of("user")))
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(60))
                        .build();
            };
        }
    }

    @Test
    void anUploadAboveTheServersLimitGetsFittrackeesTooLargeWithBothSizes() throws Exception {
        byte[] body = multipartBody(100 * 1024);

        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(body.length).isEqualTo(102_645);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .isEqualTo(
                        "{\"status\":\"fail\",\"message\":\"Error during workout upload, file size"
                                + " (100.2KB) exceeds 64.0KB.\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/workouts/, Error during workout upload",
        "GET, /api/workouts, Error during upload",
        "PATCH, /api/workouts/abc, Error during upload",
        "POST, /api/workouts/no_gpx, Error during upload",
        "POST, /api/nothing-here, Error during upload"
    })
    void aLargeRequestElsewhereThanTheUploadIsNoWorkoutUpload(
            String method, String path, String error) throws Exception {
        HttpRequest request =
                multipart(
                                method,
                                path,
                                HttpRequest.BodyPublishers.ofByteArray(multipartBody(100 * 1024)))
                        .header("Authorization", "Bearer " + TOKEN)
                        .build();

        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .isEqualTo(
                        "{\"status\":\"fail\",\"message\":\""
                                + error
                                + ", file size (100.2KB) exceeds 64.0KB.\"}");
    }

    @Test
    void anUploadOfUntoldSizeAboveTheLimitGetsFittrackeesWordingWithoutTheSize() throws Exception {
        byte[] body = multipartBody(100 * 1024);

        HttpResponse<String> response =
                send(
                        HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .isEqualTo(
                        "{\"status\":\"fail\",\"message\":\"Error during workout upload, file size"
                                + " exceeds 64.0KB.\"}");
    }

    @Test
    void anUploadAboveTheLimitWithoutATokenIsUnauthorizedFirst() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                upload(
                                                HttpRequest.BodyPublishers.ofByteArray(
                                                        multipartBody(100 * 1024)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theInstanceLimitCannotExceedTheServersLimit() throws Exception {
        TestToken admin =
                new TestToken(
                        "upload-limit-admin",
                        "upload-limit-admin",
                        "application:write",
                        List.of("admin"));

        mvc.perform(
                        patch("/api/config")
                                .with(admin.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_single_file_size\": 65537}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(
                        jsonPath("$.message[0]")
                                .value(
                                        "max size of uploaded files must be less than or equal to"
                                                + " the server's upload limit (65536 bytes,"
                                                + " 64.0KB)"));
        mvc.perform(
                        patch("/api/config")
                                .with(admin.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_single_file_size\": 65536}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.max_single_file_size").value(65536));
        mvc.perform(
                        patch("/api/config")
                                .with(admin.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_single_file_size\": 1048576}"))
                .andExpect(status().isBadRequest());
        mvc.perform(
                        patch("/api/config")
                                .with(admin.asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"max_single_file_size\": 1024}"))
                .andExpect(status().isOk());
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        upload(body).header("Authorization", "Bearer " + TOKEN).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder upload(HttpRequest.BodyPublisher body) {
        return multipart("POST", "/api/workouts", body);
    }

    private HttpRequest.Builder multipart(
            String method, String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .method(method, body);
    }

    /** A multipart form with a {@code data} field and a file of the given size. */
    private static byte[] multipartBody(int fileSize) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(
                ("--"
                                + BOUNDARY
                                + "\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n"
                                + "{\"sport_id\": 5}\r\n--"
                                + BOUNDARY
                                + "\r\nContent-Disposition: form-data; name=\"file\";"
                                + " filename=\"big.gpx\"\r\nContent-Type: application/gpx+xml"
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        body.write(new byte[fileSize]);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
