package org.fittrackee.keycloak.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.services.ErrorResponseException;

/**
 * FitTrackee's error bodies, {@code {"status": ..., "message": ...}}, as exceptions that Keycloak
 * returns unchanged and that mark the request's transaction rollback-only, so that an error never
 * leaves a half-made app behind.
 */
public final class FittrackeeErrors {

    public static final String INVALID_AUTH_TOKEN = "provide a valid auth token";
    public static final String NO_PERMISSIONS = "you do not have permissions";
    public static final String SUSPENDED = "you do not have permissions, your account is suspended";
    public static final String INVALID_PAYLOAD = "invalid payload";
    public static final String SERVER_ERROR =
            "error, please try again or contact the administrator";

    private FittrackeeErrors() {}

    public static ErrorResponseException badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, "error", message);
    }

    public static ErrorResponseException unauthorized() {
        return error(Response.Status.UNAUTHORIZED, "error", INVALID_AUTH_TOKEN);
    }

    public static ErrorResponseException forbidden(String message) {
        return error(Response.Status.FORBIDDEN, "error", message);
    }

    public static ErrorResponseException notFound(String message) {
        return error(Response.Status.NOT_FOUND, "not found", message);
    }

    /** For a server that is set up wrongly; bad input never ends here. */
    public static ErrorResponseException serverError() {
        return error(Response.Status.INTERNAL_SERVER_ERROR, "error", SERVER_ERROR);
    }

    private static ErrorResponseException error(
            Response.Status status, String fittrackeeStatus, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", fittrackeeStatus);
        body.put("message", message);

        Response response =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        return new ErrorResponseException(response);
    }
}
