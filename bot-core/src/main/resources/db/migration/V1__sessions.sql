-- One row per setup. Written by JdbcSessionRepository; runs unchanged on PostgreSQL and on H2.
-- Enums are stored by name as text, so a new status, direction or data set needs no migration.
CREATE TABLE sessions (
    platform   VARCHAR(16)              NOT NULL,
    workspace  VARCHAR(255)             NOT NULL,
    user_id    VARCHAR(255)             NOT NULL,
    -- '' when the merchant runs their own setup: a primary key column cannot hold NULL.
    customer   VARCHAR(255)             NOT NULL DEFAULT '',
    locale     VARCHAR(35)              NOT NULL,
    direction  VARCHAR(32),
    -- Chosen data sets by name, comma-separated, '' for none.
    data_sets  VARCHAR(255)             NOT NULL DEFAULT '',
    step       INTEGER                  NOT NULL,
    status     VARCHAR(32)              NOT NULL,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sessions_pk PRIMARY KEY (platform, workspace, user_id, customer)
);

-- The hourly purge of idle setups looks rows up by their last change.
CREATE INDEX sessions_updated_at ON sessions (updated_at);
