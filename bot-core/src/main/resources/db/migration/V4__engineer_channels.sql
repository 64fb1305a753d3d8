-- The engineers' channel registered from a chat ("register engineers channel" in Teams), one per platform,
-- so it survives restarts and every instance posts to the same place. A channel set in configuration
-- (HANDOFF_TEAMS_CHANNEL) takes precedence and is never written here.
-- Written by dev.bcsetup.notify.EngineerChannels; runs unchanged on PostgreSQL and on H2.
CREATE TABLE engineer_channels (
    platform        VARCHAR(16)              NOT NULL,
    -- The platform's conversation id of the channel, and the address its messages are sent through.
    conversation_id VARCHAR(512)             NOT NULL,
    service_url     VARCHAR(512)             NOT NULL,
    -- Who registered it (an engineer listed in ENGINEERS) and when; the audit log has the same.
    registered_by   VARCHAR(255)             NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engineer_channels_pk PRIMARY KEY (platform)
);
