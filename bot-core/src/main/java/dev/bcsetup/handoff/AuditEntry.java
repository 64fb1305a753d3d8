package dev.bcsetup.handoff;

import dev.bcsetup.conversation.Platform;
import java.time.Instant;

/**
 * One line of the audit log: who did what to which hand-off (or, for {@link Action#REGISTER_CHANNEL}, to which
 * channel), when, and how it ended. Never holds a secret.
 */
public record AuditEntry(Instant at, Platform platform, String workspace, String actor, Action action,
                         String handOffId, String outcome) {

    /** What was done or asked for. */
    public enum Action {
        SUBMIT,
        REVEAL,
        MARK_RECEIVED,
        WITHDRAW,
        PURGE,
        REGISTER_CHANNEL
    }
}
