package org.fittrackee.api.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.http.ReadableFileSize;

/**
 * Checks a {@code PATCH /api/config} body and turns it into the columns to set. Unknown keys are
 * ignored as FitTrackee ignores them; every problem found is reported at once, as a list.
 */
final class ConfigUpdate {

    static final long MAX_INTEGER = 2147483647L;

    private static final Map<String, String> LIMITS = new LinkedHashMap<>();

    static {
        LIMITS.put("max_users", "max_users");
        LIMITS.put("max_single_file_size", "max_single_file_size");
        LIMITS.put("max_zip_file_size", "max_zip_file_size");
        LIMITS.put("file_limit_import", "file_limit_import");
        LIMITS.put("file_sync_limit_import", "file_sync_limit_import");
        LIMITS.put("stats_workouts_limit", "stats_workouts_limit");
        LIMITS.put("global_map_workouts_limit", "global_map_workouts_limit");
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ConfigUpdate() {}

    /**
     * @param uploadLimit the largest upload the server reads at all, in bytes: a larger {@code
     *     max_single_file_size} would promise uploads that the server refuses first
     */
    static Map<String, Object> validate(
            Map<String, Object> body, AppConfig current, long uploadLimit) {
        if (body == null || body.isEmpty()) {
            throw FittrackeeException.invalidPayload();
        }

        Map<String, Object> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        readLimits(body, columns, problems);
        readTexts(body, columns, problems);
        if (columns.isEmpty() && problems.isEmpty()) {
            throw FittrackeeException.invalidPayload();
        }

        checkConsistency(columns, current, problems);
        checkUploadLimit(columns, uploadLimit, problems);
        if (!problems.isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", "error");
            error.put("message", problems);
            throw FittrackeeException.badRequestWithBody(error);
        }
        return columns;
    }

    private static void readLimits(
            Map<String, Object> body, Map<String, Object> columns, List<String> problems) {
        for (String key : LIMITS.keySet()) {
            if (!body.containsKey(key)) {
                continue;
            }
            Object value = body.get(key);
            if (!(value instanceof Number number)
                    || !Double.isFinite(number.doubleValue())
                    || number.doubleValue() % 1 != 0) {
                problems.add(key + " must be an integer");
                continue;
            }
            if (number.doubleValue() > MAX_INTEGER) {
                throw exceedingLimit(key);
            }
            long limit = number.longValue();
            if (limit < 0 || (limit == 0 && !key.equals("max_users"))) {
                problems.add(key + " must be greater than 0");
                continue;
            }
            columns.put(LIMITS.get(key), (int) limit);
        }
    }

    private static void readTexts(
            Map<String, Object> body, Map<String, Object> columns, List<String> problems) {
        if (body.containsKey("admin_contact")) {
            Object contact = body.get("admin_contact");
            if (contact == null || (contact instanceof String text && text.isBlank())) {
                columns.put("admin_contact", null);
            } else if (contact instanceof String text
                    && text.length() <= 255
                    && EMAIL.matcher(text).matches()) {
                columns.put("admin_contact", text);
            } else {
                problems.add("valid email must be provided for admin contact");
            }
        }
        for (String key : List.of("about", "privacy_policy")) {
            if (!body.containsKey(key)) {
                continue;
            }
            Object text = body.get(key);
            if (text == null || text instanceof String) {
                columns.put(key, text == null || ((String) text).isBlank() ? null : text);
            } else {
                problems.add(key + " must be a text");
            }
        }
    }

    private static void checkConsistency(
            Map<String, Object> columns, AppConfig current, List<String> problems) {
        int singleFile =
                (int) columns.getOrDefault("max_single_file_size", current.maxSingleFileSize());
        int zipFile = (int) columns.getOrDefault("max_zip_file_size", current.maxZipFileSize());
        if (zipFile < singleFile) {
            problems.add(
                    "max size of zip archive must be equal or greater than max size of uploaded"
                            + " files");
        }

        int filesInZip = (int) columns.getOrDefault("file_limit_import", current.fileLimitImport());
        int filesInSync =
                (int) columns.getOrDefault("file_sync_limit_import", current.fileSyncLimitImport());
        if (filesInZip < filesInSync) {
            problems.add(
                    "max files in a zip archive must be equal or greater than max files for"
                            + " synchronous import");
        }
    }

    private static void checkUploadLimit(
            Map<String, Object> columns, long uploadLimit, List<String> problems) {
        Object singleFile = columns.get("max_single_file_size");
        if (singleFile != null && (int) singleFile > uploadLimit) {
            problems.add(
                    "max size of uploaded files must be less than or equal to the server's upload"
                            + " limit ("
                            + uploadLimit
                            + " bytes, "
                            + ReadableFileSize.of(uploadLimit)
                            + ")");
        }
    }

    private static FittrackeeException exceedingLimit(String key) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", "config_value_exceeding_limit");
        error.put("key", key);
        error.put("max_value", MAX_INTEGER);
        error.put("message", "'" + key + "' must be less than or equal to " + MAX_INTEGER);
        return FittrackeeException.badRequestWithBody(error);
    }
}
