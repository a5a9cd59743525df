package org.fittrackee.api.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.users.AuthenticatedUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** FitTrackee's {@code GET /api/records}: the caller's records. */
@RestController
public class RecordsController {

    private final RecordRepository records;

    public RecordsController(RecordRepository records) {
        this.records = records;
    }

    @GetMapping("/api/records")
    @RequireAuth(scope = "workouts:read")
    public Map<String, Object> list(AuthenticatedUser caller) {
        List<Map<String, Object>> json =
                records.findByUser(caller.id()).stream()
                        .map(record -> RecordJson.of(record, caller.user().username()))
                        .toList();

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", Map.of("records", json));
        return response;
    }
}
