package dev.bcsetup.credentials;

/** What came back for one probe, after any rate-limit retries. */
sealed interface ProbeResult {

    /** BigCommerce answered with this status. */
    record Answered(int status, String body) implements ProbeResult {
    }

    /** No usable answer. */
    record NoAnswer(Reason reason) implements ProbeResult {
    }

    /** Why there is no answer. */
    enum Reason {
        /** The deadline passed first. */
        TIMEOUT,
        /** The connection failed: refused, reset, unknown host. */
        UNREACHABLE,
        /** Still 429 when waiting any longer would pass the deadline. */
        RATE_LIMITED
    }
}
