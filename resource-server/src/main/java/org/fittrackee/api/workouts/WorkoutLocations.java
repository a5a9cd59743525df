package org.fittrackee.api.workouts;

import java.util.ArrayList;
import java.util.List;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.workouts.WorkoutFileRepository.StoredFile;
import org.fittrackee.api.workouts.WorkoutRepository.TrackCandidate;
import org.fittrackee.api.workouts.gpx.GpxAnalyzer;
import org.fittrackee.api.workouts.gpx.InvalidGpxException;
import org.fittrackee.api.workouts.gpx.TangentPlane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The location filter of the workouts list: the user's workouts whose GPX track passes within the
 * radius, as FitTrackee intersects its stored segment lines with a circle. Only workouts with a
 * file have a track; the others never match, as in FitTrackee.
 *
 * <p>The candidates are the user's workouts that meet the list's other conditions and whose bounds
 * meet the circle's box. A candidate whose whole box lies within the radius matches without its
 * file being read; the files of the others, whose box crosses the circle's edge, are read one at a
 * time, at most {@link #MAX_BYTES_READ} of them for one request.
 *
 * <p>NOTE: tracks are kept as GPX files only, so a request reads again the file of each candidate
 * whose box crosses the circle's edge. Past {@link #MAX_BYTES_READ} of such files the request gets
 * 400 and the client must narrow its filters (dates, sport, radius), where FitTrackee answers.
 * Storing each segment's line at upload, in a spatial column (PostGIS, as FitTrackee does) or as a
 * thinned line beside the workout, would let the filter go without the files and lift the bound.
 */
@Service
public class WorkoutLocations {

    private static final Logger LOG = LoggerFactory.getLogger(WorkoutLocations.class);

    /**
     * The most GPX bytes one request may read: a second or two of work, or some fifty hour-long
     * tracks recorded every second with heart rate.
     */
    static final long MAX_BYTES_READ = 50L * 1024 * 1024;

    static final String TOO_MANY_TRACKS =
            "too many workouts to search near these coordinates, narrow the filters (dates, sport"
                    + " or radius)";

    private final WorkoutRepository workouts;
    private final WorkoutFileRepository files;

    public WorkoutLocations(WorkoutRepository workouts, WorkoutFileRepository files) {
        this.workouts = workouts;
        this.files = files;
    }

    /** The filter restricted to the workouts passing near its location, when it has one. */
    WorkoutFilter resolve(long userId, WorkoutFilter filter) {
        WorkoutRestriction restriction = filter.restriction();
        if (restriction.location() == null || restriction.matchesNothing()) {
            return filter;
        }
        Location location = restriction.location();
        TangentPlane plane = location.plane();
        double radiusM = location.radiusKm() * 1000;

        List<Long> near = new ArrayList<>();
        List<TrackCandidate> crossingTheEdge = new ArrayList<>();
        for (TrackCandidate candidate :
                workouts.trackCandidates(userId, filter.conditions(), location)) {
            if (plane.farthestIn(candidate.box()) <= radiusM) {
                near.add(candidate.workoutId());
            } else {
                crossingTheEdge.add(candidate);
            }
        }
        refuseAboveTheBound(userId, crossingTheEdge);

        for (TrackCandidate candidate : crossingTheEdge) {
            if (passesWithin(candidate.workoutId(), location)) {
                near.add(candidate.workoutId());
            }
        }
        return filter.restrictedTo(restriction.toWorkouts(near));
    }

    private static void refuseAboveTheBound(long userId, List<TrackCandidate> toRead) {
        long bytes = toRead.stream().mapToLong(TrackCandidate::fileSize).sum();
        if (bytes > MAX_BYTES_READ) {
            LOG.info(
                    "Location filter of user {} refused: {} files, {} bytes, to read",
                    userId,
                    toRead.size(),
                    bytes);
            throw FittrackeeException.badRequest(TOO_MANY_TRACKS);
        }
    }

    /** Reads the workout's file, alone, and tells whether its track passes within the radius. */
    private boolean passesWithin(long workoutId, Location location) {
        byte[] gpx = files.findFile(workoutId).map(StoredFile::gpx).orElse(null);
        if (gpx == null) {
            // Deleted since the candidates were listed.
            return false;
        }
        try {
            return GpxAnalyzer.passesWithin(
                    gpx, location.latitude(), location.longitude(), location.radiusKm());
        } catch (InvalidGpxException e) {
            // A stored file was valid when uploaded; one that is no longer has no track.
            return false;
        }
    }
}
