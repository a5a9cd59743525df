package org.fittrackee.api.records;

import java.util.List;
import java.util.Map;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRecords;
import org.springframework.stereotype.Component;

/** A user's records for the user JSON, as {@code GET /api/records} shows them. */
@Component
public class RecordsOfUser implements UserRecords {

    private final RecordRepository records;

    public RecordsOfUser(RecordRepository records) {
        this.records = records;
    }

    @Override
    public List<Map<String, Object>> of(User user) {
        return records.findByUser(user.id()).stream()
                .map(record -> RecordJson.of(record, user.username()))
                .toList();
    }
}
