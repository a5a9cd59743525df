-- FitTrackee's data for the areas this resource server covers. Users come from Keycloak: a row
-- is made on a user's first authenticated call, keyed by the token's subject.

CREATE TABLE users (
    id                              BIGSERIAL PRIMARY KEY,
    subject                         VARCHAR(255) NOT NULL UNIQUE,
    username                        VARCHAR(255) NOT NULL,
    email                           VARCHAR(255),
    role                            VARCHAR(16)  NOT NULL DEFAULT 'user'
        CHECK (role IN ('user', 'moderator', 'admin', 'owner')),
    is_active                       BOOLEAN      NOT NULL DEFAULT TRUE,
    suspended_at                    TIMESTAMPTZ,
    created_at                      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    first_name                      VARCHAR(80),
    last_name                       VARCHAR(80),
    bio                             VARCHAR(200),
    location                        VARCHAR(80),
    birth_date                      DATE,
    timezone                        VARCHAR(50)  NOT NULL DEFAULT 'Europe/Paris',
    date_format                     VARCHAR(50)  NOT NULL DEFAULT 'MM/dd/yyyy',
    weekm                           BOOLEAN      NOT NULL DEFAULT FALSE,
    language                        VARCHAR(50)  NOT NULL DEFAULT 'en',
    imperial_units                  BOOLEAN      NOT NULL DEFAULT FALSE,
    display_ascent                  BOOLEAN      NOT NULL DEFAULT TRUE,
    start_elevation_at_zero         BOOLEAN      NOT NULL DEFAULT FALSE,
    use_raw_gpx_speed               BOOLEAN      NOT NULL DEFAULT FALSE,
    use_dark_mode                   BOOLEAN,
    split_workout_charts            BOOLEAN      NOT NULL DEFAULT FALSE,
    hide_profile_in_users_directory BOOLEAN      NOT NULL DEFAULT TRUE,
    manually_approves_followers     BOOLEAN      NOT NULL DEFAULT TRUE,
    workouts_visibility             VARCHAR(20)  NOT NULL DEFAULT 'private',
    map_visibility                  VARCHAR(20)  NOT NULL DEFAULT 'private',
    analysis_visibility             VARCHAR(20)  NOT NULL DEFAULT 'private',
    hr_visibility                   VARCHAR(20)  NOT NULL DEFAULT 'private',
    calories_visibility             VARCHAR(20)  NOT NULL DEFAULT 'private',
    segments_creation_event         VARCHAR(20)  NOT NULL DEFAULT 'only_manual',
    missing_elevations_processing   VARCHAR(20)  NOT NULL DEFAULT 'none',
    accepted_privacy_policy         TIMESTAMPTZ
);

-- Usernames are Keycloak's; a deleted and re-created Keycloak user may reuse one, so the
-- index serves lookups and search without enforcing uniqueness.
CREATE INDEX users_username_idx ON users (lower(username));

CREATE TABLE sports (
    id                      INTEGER PRIMARY KEY,
    label                   VARCHAR(50) NOT NULL UNIQUE,
    is_active               BOOLEAN     NOT NULL DEFAULT TRUE,
    stopped_speed_threshold DOUBLE PRECISION NOT NULL DEFAULT 1.0
);

INSERT INTO sports (id, label, stopped_speed_threshold) VALUES
    (1, 'Cycling (Sport)', 1.0),
    (2, 'Cycling (Transport)', 1.0),
    (3, 'Hiking', 0.1),
    (4, 'Mountain Biking', 1.0),
    (5, 'Running', 0.1),
    (6, 'Walking', 0.1),
    (7, 'Mountain Biking (Electric)', 1.0),
    (8, 'Trail', 0.1),
    (9, 'Skiing (Alpine)', 1.0),
    (10, 'Skiing (Cross Country)', 0.1),
    (11, 'Rowing', 1.0),
    (12, 'Snowshoes', 0.1),
    (13, 'Cycling (Virtual)', 1.0),
    (14, 'Mountaineering', 0.1),
    (15, 'Paragliding', 0.1),
    (16, 'Open Water Swimming', 0.1),
    (17, 'Cycling (Trekking)', 1.0),
    (18, 'Swimrun', 0.1);

CREATE TABLE user_sport_preferences (
    user_id                 BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sport_id                INTEGER NOT NULL REFERENCES sports (id),
    color                   VARCHAR(50),
    is_active               BOOLEAN NOT NULL DEFAULT TRUE,
    stopped_speed_threshold DOUBLE PRECISION NOT NULL,
    pace_speed_display      VARCHAR(10),
    PRIMARY KEY (user_id, sport_id)
);

CREATE TABLE workouts (
    id                  BIGSERIAL PRIMARY KEY,
    uuid                UUID         NOT NULL UNIQUE,
    user_id             BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sport_id            INTEGER      NOT NULL REFERENCES sports (id),
    title               VARCHAR(255),
    notes               VARCHAR(500),
    description         VARCHAR(10000),
    workout_date        TIMESTAMPTZ  NOT NULL,
    creation_date       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    modification_date   TIMESTAMPTZ,
    duration            DOUBLE PRECISION NOT NULL CHECK (duration > 0),
    moving              DOUBLE PRECISION,
    pauses              DOUBLE PRECISION,
    distance            DOUBLE PRECISION NOT NULL CHECK (distance >= 0),
    min_alt             DOUBLE PRECISION,
    max_alt             DOUBLE PRECISION,
    ascent              DOUBLE PRECISION,
    descent             DOUBLE PRECISION,
    max_speed           DOUBLE PRECISION,
    ave_speed           DOUBLE PRECISION,
    bounds              DOUBLE PRECISION[],
    calories            INTEGER,
    workout_visibility  VARCHAR(20)  NOT NULL DEFAULT 'private',
    map_visibility      VARCHAR(20)  NOT NULL DEFAULT 'private',
    analysis_visibility VARCHAR(20)  NOT NULL DEFAULT 'private'
);

-- The list, filter, statistics and record queries all start from one user's workouts.
CREATE INDEX workouts_user_date_idx ON workouts (user_id, workout_date DESC, id DESC);
CREATE INDEX workouts_user_sport_date_idx ON workouts (user_id, sport_id, workout_date);

CREATE TABLE workout_segments (
    workout_id     BIGINT  NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
    segment_number INTEGER NOT NULL,
    duration       DOUBLE PRECISION NOT NULL,
    moving         DOUBLE PRECISION NOT NULL,
    pauses         DOUBLE PRECISION NOT NULL,
    distance       DOUBLE PRECISION NOT NULL,
    min_alt        DOUBLE PRECISION,
    max_alt        DOUBLE PRECISION,
    ascent         DOUBLE PRECISION,
    descent        DOUBLE PRECISION,
    max_speed      DOUBLE PRECISION,
    ave_speed      DOUBLE PRECISION,
    PRIMARY KEY (workout_id, segment_number)
);

-- The uploaded GPX file as received (its own encoding), for chart data, GeoJSON and download.
CREATE TABLE workout_files (
    workout_id    BIGINT PRIMARY KEY REFERENCES workouts (id) ON DELETE CASCADE,
    original_name VARCHAR(255) NOT NULL,
    gpx           BYTEA        NOT NULL
);

CREATE TABLE records (
    id           BIGSERIAL  PRIMARY KEY,
    user_id      BIGINT     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sport_id     INTEGER    NOT NULL REFERENCES sports (id),
    record_type  VARCHAR(2) NOT NULL CHECK (record_type IN ('AP', 'AS', 'BP', 'FD', 'HA', 'LD', 'MS')),
    workout_id   BIGINT     NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
    value        DOUBLE PRECISION NOT NULL,
    workout_date TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, sport_id, record_type)
);

CREATE TABLE app_config (
    id                        INTEGER PRIMARY KEY CHECK (id = 1),
    max_users                 INTEGER NOT NULL DEFAULT 0,
    max_single_file_size      INTEGER NOT NULL DEFAULT 1048576,
    max_zip_file_size         INTEGER NOT NULL DEFAULT 10485760,
    file_limit_import         INTEGER NOT NULL DEFAULT 10,
    file_sync_limit_import    INTEGER NOT NULL DEFAULT 10,
    stats_workouts_limit      INTEGER NOT NULL DEFAULT 10000,
    global_map_workouts_limit INTEGER NOT NULL DEFAULT 10000,
    admin_contact             VARCHAR(255),
    about                     TEXT,
    privacy_policy            TEXT,
    privacy_policy_date       TIMESTAMPTZ
);

INSERT INTO app_config (id) VALUES (1);
