-- A workout's records are read with the workout (the list and detail JSON) and deleted with it
-- (ON DELETE CASCADE); both look records up by workout.
CREATE INDEX records_workout_id_idx ON records (workout_id);
