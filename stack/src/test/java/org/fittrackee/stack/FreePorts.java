package org.fittrackee.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free ports for a stack under test, one per port variable, so that it never meets a stack someone
 * runs on the default ports. The end-to-end tests use it too.
 */
public final class FreePorts {

    private FreePorts() {}

    /**
     * A distinct free port for each of the stack's port variables, in the order the stack checks
     * them: the sockets stay open until all are chosen, then are closed for the stack to take.
     */
    public static Map<String, Integer> forEveryPortVariable() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String variable : StackSettings.DEFAULT_PORTS.keySet()) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.put(variable, socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(FreePorts::close);
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The port is free again either way once this JVM lets go of it.
        }
    }
}
