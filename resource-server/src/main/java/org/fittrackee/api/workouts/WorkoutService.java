package org.fittrackee.api.workouts;

import java.util.List;
import org.fittrackee.api.records.RecordRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workout writes, each in one transaction with the records they change. */
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
        Workout workout = workouts.insert(userId, values);
        files.saveSegments(
                segments.stream().map(segment -> withWorkoutId(segment, workout.id())).toList());
        files.saveFile(workout.id(), fileName, gpx);
        records.recompute(userId, values.sportId());
        return workouts.findById(workout.id()).orElseThrow();
    }

    @Transactional
    public Workout update(Workout workout, WorkoutValues values) {
        workouts.update(workout.id(), values);
        records.recompute(workout.userId(), workout.sportId());
        if (values.sportId() != workout.sportId()) {
            records.recompute(workout.userId(), values.sportId());
        }
        return workouts.findById(workout.id()).orElseThrow();
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

    @Transactional
    public void delete(Workout workout) {
        workouts.delete(workout.id());
        records.recompute(workout.userId(), workout.sportId());
    }
}
