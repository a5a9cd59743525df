package org.fittrackee.api.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error answered in FitTrackee's format, {@code {"status": ..., "message": ...}}. The factories
 * name FitTrackee's own messages; {@link ApiErrorHandler} writes the response.
 */
public class FittrackeeException extends RuntimeException {

    public static final String INVALID_AUTH_TOKEN = "provide a valid auth token";
    public static final String NO_PERMISSIONS = "you do not have permissions";
    public static final String SUSPENDED = "you do not have permissions, your account is suspended";
    public static final String INVALID_PAYLOAD = "invalid payload";
    public static final String SERVER_ERROR =
            "error, please try again or contact the administrator";

    private final HttpStatus httpStatus;
    private final String status;
    private final transient Object body;

    public FittrackeeException(HttpStatus httpStatus, String status, String message) {
        this(httpStatus, status, message, null);
    }

    private FittrackeeException(HttpStatus httpStatus, String status, String message, Object body) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.status = status;
        this.body = body;
    }

    public static FittrackeeException badRequest(String message) {
        return new FittrackeeException(HttpStatus.BAD_REQUEST, "error", message);
    }

    public static FittrackeeException invalidPayload() {
        return badRequest(INVALID_PAYLOAD);
    }

    /** FitTrackee's 400 with status "invalid", which its workout services give. */
    public static FittrackeeException invalid(String message) {
        return new FittrackeeException(HttpStatus.BAD_REQUEST, "invalid", message);
    }

    /** FitTrackee's 400 with status "fail", used for uploads and statistics parameters. */
    public static FittrackeeException fail(String message) {
        return new FittrackeeException(HttpStatus.BAD_REQUEST, "fail", message);
    }

    public static FittrackeeException unauthorized() {
        return new FittrackeeException(HttpStatus.UNAUTHORIZED, "error", INVALID_AUTH_TOKEN);
    }

    public static FittrackeeException forbidden() {
        return forbidden(NO_PERMISSIONS);
    }

    public static FittrackeeException forbidden(String message) {
        return new FittrackeeException(HttpStatus.FORBIDDEN, "error", message);
    }

    public static FittrackeeException suspended() {
        return forbidden(SUSPENDED);
    }

    public static FittrackeeException notFound(String message) {
        return new FittrackeeException(HttpStatus.NOT_FOUND, "not found", message);
    }

    /** FitTrackee's data-style 404, e.g. {@code {"status":"not found","data":{"workouts":[]}}}. */
    public static FittrackeeException notFoundData(String key, Object emptyValue) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, emptyValue);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "not found");
        response.put("data", data);
        return new FittrackeeException(HttpStatus.NOT_FOUND, "not found", "not found", response);
    }

    /** A 400 whose whole body is given, for FitTrackee's structured validation errors. */
    public static FittrackeeException badRequestWithBody(Object body) {
        return new FittrackeeException(HttpStatus.BAD_REQUEST, "error", "invalid", body);
    }

    /**
     * FitTrackee's 413 for an upload, e.g. {@code Error during workout upload, file size (1.2MB)
     * exceeds 1.0MB.}; without the size when the request did not tell it, and {@code exceeds
     * limit.} when the limit is unknown, in FitTrackee's words.
     *
     * @param fileType {@code workout}, or null for a request that is no known upload: {@code Error
     *     during upload, ...}, where FitTrackee leaves two spaces
     * @param size the request's size in bytes, or a value below 1 when unknown
     * @param max the limit in bytes, or a value below 1 when unknown
     */
    public static FittrackeeException uploadTooLarge(String fileType, long size, long max) {
        String readableSize = size > 0 ? "(" + ReadableFileSize.of(size) + ") " : "";
        String readableMax = max > 0 ? ReadableFileSize.of(max) : "limit";
        String upload = fileType == null ? "upload" : fileType + " upload";
        return new FittrackeeException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "fail",
                "Error during "
                        + upload
                        + ", file size "
                        + readableSize
                        + "exceeds "
                        + readableMax
                        + ".");
    }

    public HttpStatus httpStatus() {
        return httpStatus;
    }

    /** The response body: FitTrackee's status and message, or the body given. */
    public Object body() {
        if (body != null) {
            return body;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", status);
        response.put("message", getMessage());
        return response;
    }
}
