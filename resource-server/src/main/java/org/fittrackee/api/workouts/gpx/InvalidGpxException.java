package org.fittrackee.api.workouts.gpx;

/**
 * A GPX file that cannot give a workout. The message says why in FitTrackee's words (for example
 * {@code "<time> is missing in gpx file"}) and is meant to be shown to the user who uploaded it.
 */
public class InvalidGpxException extends RuntimeException {

    public static final String NOT_PARSABLE = "error when parsing gpx file";
    public static final String EMPTY_FILE = NOT_PARSABLE + ": the file is empty";
    public static final String NOT_GPX = NOT_PARSABLE + ": the root element is not <gpx>";
    public static final String INVALID_TRACK_POINT =
            NOT_PARSABLE + ": a track point has an invalid or missing latitude or longitude";
    public static final String DOCTYPE =
            NOT_PARSABLE + ": DOCTYPE declarations (DTDs, entities) are not allowed";
    public static final String TOO_DEEP =
            NOT_PARSABLE + ": elements are nested more than " + GpxReader.MAX_DEPTH + " deep";
    public static final String NO_TRACK_POINTS = "no track points in gpx file";
    public static final String MISSING_TIME = "<time> is missing in gpx file";
    public static final String NOT_CHRONOLOGICAL =
            "track points are not in chronological order in gpx file";

    public InvalidGpxException(String message) {
        super(message);
    }

    public InvalidGpxException(String message, Throwable cause) {
        super(message, cause);
    }

    static InvalidGpxException tooManyTrackPoints(int limit) {
        return new InvalidGpxException(
                "too many track points in gpx file (more than " + limit + ")");
    }
}
