-- Heart rate (bpm), cadence (rpm) and power (W) read from a workout's GPX file, for the workout
-- and for each of its segments: FitTrackee's ave_hr, max_hr, ave_cadence, max_cadence,
-- ave_power and max_power. Null where the file recorded none, and for workouts without a file.
ALTER TABLE workouts
    ADD COLUMN ave_hr      INTEGER,
    ADD COLUMN max_hr      INTEGER,
    ADD COLUMN ave_cadence INTEGER,
    ADD COLUMN max_cadence INTEGER,
    ADD COLUMN ave_power   INTEGER,
    ADD COLUMN max_power   INTEGER;

ALTER TABLE workout_segments
    ADD COLUMN ave_hr      INTEGER,
    ADD COLUMN max_hr      INTEGER,
    ADD COLUMN ave_cadence INTEGER,
    ADD COLUMN max_cadence INTEGER,
    ADD COLUMN ave_power   INTEGER,
    ADD COLUMN max_power   INTEGER;
