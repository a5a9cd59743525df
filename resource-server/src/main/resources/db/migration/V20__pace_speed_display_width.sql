-- FitTrackee's pace_speed_display values are 'pace', 'speed' and 'pace_and_speed'; the last one
-- is 14 characters, more than V1's VARCHAR(10) holds.
ALTER TABLE user_sport_preferences ALTER COLUMN pace_speed_display TYPE VARCHAR(20);
