package dev.bcsetup.conversation;

/** Where a conversation takes place. */
public enum Platform {
    SLACK,
    TEAMS,
    /** The local browser playground, and customers invited by a one-time link. */
    WEB
}
