package org.fittrackee.api.workouts;

import java.util.List;
import java.util.function.Function;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.records.RecordRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workout writes, each in one transaction with the records they change. Each first locks the user's
 * records ({@link RecordRepository#lockRecordsOf}), then reads the workout it changes afresh: a
 * write of the same user that finished meanwhile is seen, never undone.
 */
@Service
public class WorkoutService {

    private final WorkoutRepository workouts;
    private final WorkoutFileRepository files;
    private final RecordRepository records;

    public WorkoutService(
            WorkoutRepository workouts, WorkoutFileRepository files, RecordRepository records) {
        this.workouts = workouts;
        this.files = files;
        this.records = records;
    }

    @Transactional
    public Workout create(long userId, WorkoutValues values) {
        records.lockRecordsOf(userId);

        Workout workout = workouts.insert(userId, values);
        records.recompute(userId, values.sportId());
        return workout;
    }

    /** A workout made from a GPX file: the workout, its segments and the file, or nothing. */
    @Transactional
    public Workout createFromFile(
            long userId,
            WorkoutValues values,
            List<WorkoutSegment> segments,
            String fileName,
            byte[] gpx) {
        records.lockRecordsOf(userId);

        Workout workout = workouts.insert(userId, values);
        files.saveSegments(
                segments.stream().map(segment -> withWorkoutId(segment, workout.id())).toList());
        files.saveFile(workout.id(), fileName, gpx);
        records.recompute(userId, values.sportId());
        return workouts.findById(workout.id()).orElseThrow();
    }

    /**
     * Edits the workout as it is once the lock is held: the edit is given the workout read then, so
     * that its sport, and the records to recompute, are never those of an earlier read.
     */
    @Transactional
    public Workout update(Workout workout, Function<Workout, WorkoutValues> edit) {
        records.lockRecordsOf(workout.userId());
        Workout current = reread(workout);
        WorkoutValues values = edit.apply(current);

        workouts.update(current.id(), values);
        records.recompute(current.userId(), current.sportId());
        if (values.sportId() != current.sportId()) {
            records.recompute(current.userId(), values.sportId());
        }
        return workouts.findById(current.id()).orElseThrow();
    }

    @Transactional
    public void delete(Workout workout) {
        records.lockRecordsOf(workout.userId());
        Workout current = reread(workout);

        workouts.delete(current.id());
        records.recompute(current.userId(), current.sportId());
    }

    /** The workout as stored now; one deleted meanwhile gets the 404 of a workout never seen. */
    private Workout reread(Workout workout) {
        return workouts.findById(workout.id())
                .orElseThrow(() -> FittrackeeException.notFoundData("workouts", List.of()));
    }

    private static WorkoutSegment withWorkoutId(WorkoutSegment segment, long workoutId) {
        return new WorkoutSegment(
                workoutId,
                segment.number(),
                segment.duration(),
                segment.moving(),
                segment.pauses(),
                segment.distance(),
                segment.minAlt(),
                segment.maxAlt(),
                segment.ascent(),
                segment.descent(),
                segment.maxSpeed(),
                segment.aveSpeed(),
                segment.sensors());
    }
}
