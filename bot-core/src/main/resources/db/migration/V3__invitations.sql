-- One-time setup links a support agent hands to a customer who is not in Teams or Slack.
-- Written by dev.bcsetup.invite.Invitations; runs unchanged on PostgreSQL and on H2.
-- Only the SHA-256 of a link's token is stored, so reading this table does not give anyone a working link.
CREATE TABLE invitations (
    token_hash   CHAR(64)                 NOT NULL,
    -- The agent's tenant (Teams) or workspace (Slack), the agent, and how they named the customer.
    workspace    VARCHAR(255)             NOT NULL,
    agent        VARCHAR(255)             NOT NULL,
    customer     VARCHAR(255)             NOT NULL,
    direction    VARCHAR(32),
    locale       VARCHAR(35),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Set by the first browser that opens the link (the SHA-256 of its cookie); no other browser gets in.
    redeemed_at  TIMESTAMP WITH TIME ZONE,
    browser_hash CHAR(64),
    CONSTRAINT invitations_pk PRIMARY KEY (token_hash)
);

-- The purge of expired links looks rows up by their expiry.
CREATE INDEX invitations_expires_at ON invitations (expires_at);
