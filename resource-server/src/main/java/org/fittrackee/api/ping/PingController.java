package org.fittrackee.api.ping;

import java.util.Map;
import org.fittrackee.api.security.PublicEndpoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ping}: the liveness answer FitTrackee gives. */
@RestController
public class PingController {

    @GetMapping("/api/ping")
    @PublicEndpoint
    public Map<String, String> ping() {
        return Map.of("status", "success", "message", "pong!");
    }
}
