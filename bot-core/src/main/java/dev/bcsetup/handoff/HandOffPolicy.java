package dev.bcsetup.handoff;

import java.time.Duration;
import java.util.Objects;

/**
 * How long secrets stay: {@code purgeGrace} after an engineer marks a hand-off received (time to re-read it
 * if the import stumbles), and at most {@code retention} after submission in any case.
 */
public record HandOffPolicy(Duration purgeGrace, Duration retention) {

    public static final HandOffPolicy DEFAULT = new HandOffPolicy(Duration.ofHours(24), Duration.ofDays(30));

    public HandOffPolicy {
        Objects.requireNonNull(purgeGrace, "purgeGrace");
        Objects.requireNonNull(retention, "retention");
        if (purgeGrace.isNegative() || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("purge grace must not be negative and retention must be positive");
        }
    }
}
