package org.fittrackee.api.workouts;

import org.fittrackee.api.records.RecordRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workout writes, each in one transaction with the records they change. */
@Service
public class WorkoutService {

    private final WorkoutRepository workouts;
    private final RecordRepository records;

    public WorkoutService(WorkoutRepository workouts, RecordRepository records) {
        this.workouts = workouts;
        this.records = records;
    }

    @Transactional
    public Workout create(long userId, WorkoutValues values) {
        Workout workout = workouts.insert(userId, values);
        records.recompute(userId, values.sportId());
        return workout;
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

    @Transactional
    public void delete(Workout workout) {
        workouts.delete(workout.id());
        records.recompute(workout.userId(), workout.sportId());
    }
}
