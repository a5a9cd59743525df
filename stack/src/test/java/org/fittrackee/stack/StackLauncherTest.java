package org.fittrackee.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLauncherTest {

    @TempDir Path dataDir;

    @Test
    void aPortInUseStopsTheStartWithOneClearLineBeforeAnythingRuns() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0));
            StackLauncher launcher = new StackLauncher(settings(busy.getLocalPort()));

            assertThatThrownBy(launcher::start)
                    .isInstanceOf(StackException.class)
                    .hasMessage(
                            "Port "
                                    + busy.getLocalPort()
                                    + " is in use: stop what uses it, or set FITTRACKEE_PORT to a"
                                    + " free port");
        }
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneClearLine() throws Exception {
        StackSettings settings =
                new StackSettings(
                        freePort(),
                        freePort(),
                        freePort(),
                        freePort(),
                        "jdbc:postgresql://127.0.0.1:1/fittrackee",
                        "postgres",
                        "postgres",
                        "admin",
                        dataDir,
                        dataDir,
                        dataDir,
                        dataDir,
                        dataDir,
                        dataDir);

        assertThatThrownBy(new StackLauncher(settings)::start)
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith(
                        "FITTRACKEE_DATABASE_URL=jdbc:postgresql://127.0.0.1:1/fittrackee is not"
                                + " reachable");
    }

    private StackSettings settings(int publicPort) throws Exception {
        return new StackSettings(
                publicPort,
                freePort(),
                freePort(),
                freePort(),
                null,
                "postgres",
                "postgres",
                "admin",
                dataDir,
                dataDir,
                dataDir,
                dataDir,
                dataDir,
                dataDir);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
