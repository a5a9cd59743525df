package org.fittrackee.api.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.fittrackee.api.security.BearerTokenErrors;
import org.fittrackee.api.security.InsufficientScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns exceptions into FitTrackee's error bodies. Bad input never becomes a 500
 * and no stack trace reaches a client; a 500 is logged with the request it failed on.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final UploadLimit uploadLimit;

    public ApiErrorHandler(UploadLimit uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(InsufficientScopeException.class)
    void insufficientScope(InsufficientScopeException error, HttpServletResponse response)
            throws IOException {
        BearerTokenErrors.insufficientScope(response, error.scope());
    }

    @ExceptionHandler(FittrackeeException.class)
    ResponseEntity<Object> fittrackee(FittrackeeException error) {
        return ResponseEntity.status(error.httpStatus()).body(error.body());
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        HttpMediaTypeNotSupportedException.class,
        MultipartException.class
    })
    ResponseEntity<Object> unreadable(Exception error) {
        LOG.debug("Unreadable request: {}", error.getMessage());
        return fittrackee(FittrackeeException.invalidPayload());
    }

    /**
     * A request above the server's upload limit, refused while it is read: FitTrackee names the
     * request's size, when the client sent it, and the limit, and calls it a workout upload on the
     * upload endpoint only.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(
            MaxUploadSizeExceededException error, HttpServletRequest request) {
        LOG.debug("Upload refused: {}", error.getMessage());
        String fileType = isWorkoutUpload(request) ? "workout" : null;
        return fittrackee(
                FittrackeeException.uploadTooLarge(
                        fileType, request.getContentLengthLong(), uploadLimit.bytes()));
    }

    /** {@code POST /api/workouts}, with or without a slash at the end. */
    private static boolean isWorkoutUpload(HttpServletRequest request) {
        String path = request.getRequestURI().replaceFirst("/+$", "");
        return "POST".equals(request.getMethod()) && "/api/workouts".equals(path);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(NoResourceFoundException error) {
        return fittrackee(FittrackeeException.notFound("resource not found"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpRequestMethodNotSupportedException error) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(
                        new FittrackeeException(
                                        HttpStatus.METHOD_NOT_ALLOWED,
                                        "error",
                                        "method not allowed")
                                .body());
    }

    /** Spring Security's own exceptions go back to its filters, which answer in OAuth format. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException error) {
        throw error;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception error, HttpServletRequest request) {
        LOG.error(
                "Request {} {} failed; answered 500",
                request.getMethod(),
                request.getRequestURI(),
                error);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(
                        new FittrackeeException(
                                        HttpStatus.INTERNAL_SERVER_ERROR,
                                        "error",
                                        FittrackeeException.SERVER_ERROR)
                                .body());
    }
}
