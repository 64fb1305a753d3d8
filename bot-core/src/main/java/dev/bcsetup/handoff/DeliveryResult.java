package dev.bcsetup.handoff;

import java.time.Duration;
import java.util.Optional;

/** How one delivery attempt ended; reasons are our own words (a status code, a class name), never a secret. */
public sealed interface DeliveryResult {

    /** The destination has it. */
    record Delivered() implements DeliveryResult {
    }

    /** Try again: after {@code after} when the destination said when (Retry-After), else after the backoff. */
    record Retry(Optional<Duration> after, String reason) implements DeliveryResult {
    }

    /** The destination refused it in a way that will not change by itself (a 4xx); tried a few times, then given up. */
    record Refused(String reason) implements DeliveryResult {
    }
}
