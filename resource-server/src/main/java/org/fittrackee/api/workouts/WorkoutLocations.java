package org.fittrackee.api.workouts;

import java.util.List;
import org.fittrackee.api.workouts.WorkoutFileRepository.WorkoutGpx;
import org.fittrackee.api.workouts.gpx.GpxAnalyzer;
import org.fittrackee.api.workouts.gpx.InvalidGpxException;
import org.springframework.stereotype.Service;

/**
 * The location filter of the workouts list: the user's workouts whose GPX track passes within the
 * radius, as FitTrackee intersects its stored segment lines with a circle. Only workouts with a
 * file have a track; the others never match, as in FitTrackee.
 *
 * <p>NOTE: tracks are kept as GPX files only, so each file whose bounds meet the circle's box is
 * read again on each such request; a user with many workouts in one area pays for reading all of
 * them. Storing each segment's line in a spatial column (PostGIS, as FitTrackee does) would let the
 * database answer instead.
 */
@Service
public class WorkoutLocations {

    private final WorkoutFileRepository files;

    public WorkoutLocations(WorkoutFileRepository files) {
        this.files = files;
    }

    /** The filter with the workouts passing near its location, when it has one. */
    WorkoutFilter resolve(long userId, WorkoutFilter filter) {
        if (filter.location() == null
                || (filter.workoutIds() != null && filter.workoutIds().isEmpty())) {
            return filter;
        }
        Location location = filter.location();
        List<Long> near =
                files.filesAround(userId, location).stream()
                        .filter(file -> passesWithin(file, location))
                        .map(WorkoutGpx::workoutId)
                        .toList();
        return filter.withWorkoutIds(near);
    }

    private static boolean passesWithin(WorkoutGpx file, Location location) {
        try {
            return GpxAnalyzer.passesWithin(
                    file.gpx(), location.latitude(), location.longitude(), location.radiusKm());
        } catch (InvalidGpxException e) {
            // A stored file was valid when uploaded; one that is no longer has no track.
            return false;
        }
    }
}
