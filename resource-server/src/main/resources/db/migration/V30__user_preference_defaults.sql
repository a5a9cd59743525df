-- A new user's preferences as FitTrackee 1.2.2 registers them: elevation plots start at zero,
-- light mode, split workout charts, and missing elevations taken from the file ('none' is the
-- name an older FitTrackee gave to 'file').
ALTER TABLE users
    ALTER COLUMN start_elevation_at_zero SET DEFAULT TRUE,
    ALTER COLUMN use_dark_mode SET DEFAULT FALSE,
    ALTER COLUMN split_workout_charts SET DEFAULT TRUE,
    ALTER COLUMN missing_elevations_processing SET DEFAULT 'file';

UPDATE users SET missing_elevations_processing = 'file'
WHERE missing_elevations_processing = 'none';
