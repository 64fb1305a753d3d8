package dev.bcsetup.handoff;

import java.time.Instant;
import java.util.Optional;

/** One hand-off's delivery to one destination, and how it stands. */
public record OutboxEntry(String handOffId, String destination, int attempts, Instant nextAttemptAt,
                         Optional<Instant> deliveredAt, Optional<Instant> givenUpAt, Optional<String> lastError) {
}
