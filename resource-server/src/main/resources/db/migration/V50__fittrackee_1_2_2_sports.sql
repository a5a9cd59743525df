-- The sports FitTrackee 1.2.2 has beyond V1's eighteen, with the ids and stopped-speed
-- thresholds its migrations give them on a new instance, and its per-sport default of pace or
-- speed. FitTrackee sets the threshold of Running to 1 km/h (V1 said 0.1), and shows pace by
-- default for the four foot sports only.
ALTER TABLE sports ADD COLUMN pace_speed_display VARCHAR(20) NOT NULL DEFAULT 'speed'
    CHECK (pace_speed_display IN ('pace', 'speed', 'pace_and_speed'));

UPDATE sports SET pace_speed_display = 'pace'
WHERE label IN ('Hiking', 'Running', 'Trail', 'Walking');

UPDATE sports SET stopped_speed_threshold = 1.0 WHERE label = 'Running';

INSERT INTO sports (id, label, stopped_speed_threshold) VALUES
    (19, 'Kayaking', 1.0),
    (20, 'Canoeing', 1.0),
    (21, 'Halfbike', 1.0),
    (22, 'Windsurfing', 1.0),
    (23, 'Standup Paddleboarding', 1.0),
    (24, 'Tennis (Outdoor)', 0.1),
    (25, 'Padel (Outdoor)', 0.1),
    (26, 'Canoeing (Whitewater)', 1.0),
    (27, 'Kayaking (Whitewater)', 1.0),
    (28, 'Ice Skating', 1.0),
    (29, 'Inline Skating', 1.0);
