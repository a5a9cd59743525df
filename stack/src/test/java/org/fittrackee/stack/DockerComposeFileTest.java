package org.fittrackee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and its proxy configuration are valid, checked without a Docker engine by
 * deploy/validate-compose.sh. CI installs Debian's docker-compose first; elsewhere the test is
 * skipped when docker-compose is missing.
 */
class DockerComposeFileTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theComposeFileAndTheProxyConfigurationAreValid() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");

        Process validation =
                new ProcessBuilder("bash", "deploy/validate-compose.sh")
                        .directory(PROJECT.toFile())
                        .redirectErrorStream(true)
                        .start();
        String output =
                new String(validation.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(validation.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(validation.exitValue()).as(output).isZero();
        assertThat(output).contains("docker-compose.yml is valid");
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
