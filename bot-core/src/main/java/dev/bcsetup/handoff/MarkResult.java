package dev.bcsetup.handoff;

import java.time.Instant;

/** The answer to an engineer saying the migration system has a hand-off's credentials; every answer is audited. */
public sealed interface MarkResult {

    /** Recorded now; the secret is removed at {@code purgeAt}. */
    record Marked(String reference, Instant purgeAt) implements MarkResult {
    }

    /** Someone marked it before; nothing changed. */
    record AlreadyReceived(String reference, Instant receivedAt, String by) implements MarkResult {
    }

    /** The person is not in {@code ENGINEERS}. */
    record Refused(String reference) implements MarkResult {
    }

    /** The merchant withdrew it, or the retention period ended, before anyone marked it received. */
    record Gone(String reference, String why) implements MarkResult {
    }

    /** No hand-off has that ID. */
    record Unknown() implements MarkResult {
    }
}
