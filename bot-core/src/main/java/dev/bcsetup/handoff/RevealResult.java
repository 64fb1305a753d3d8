package dev.bcsetup.handoff;

import dev.bcsetup.credentials.Credentials;
import java.util.Objects;

/** The answer to an engineer's request to see a hand-off's secret; every answer is written to the audit log. */
public sealed interface RevealResult {

    /** Authorised: the credentials, to show privately (a modal, a dialog), never in a channel. */
    record Revealed(String reference, Credentials credentials) implements RevealResult {
        public Revealed {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /** The person is not in {@code ENGINEERS}. */
    record Refused(String reference) implements RevealResult {
    }

    /** The secret is gone: purged after receipt or retention, or withdrawn by the merchant. */
    record Gone(String reference, String why) implements RevealResult {
    }

    /** No hand-off has that ID. */
    record Unknown() implements RevealResult {
    }
}
