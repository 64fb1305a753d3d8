package dev.bcsetup.conversation;

import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One merchant's setup at one moment. Immutable: every change makes a new session with the next
 * version, which storage uses to refuse a write based on a stale read.
 */
public record Session(
        SessionKey key,
        String locale,
        Direction direction,
        Set<DataSet> dataSets,
        int step,
        Status status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Session {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        dataSets = dataSets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dataSets));
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative");
        }
    }

    /** A new setup on the first step. */
    public static Session begin(SessionKey key, String locale, Direction direction, long version, Instant now) {
        Set<DataSet> dataSets = direction == null ? Set.of() : EnumSet.allOf(DataSet.class);
        return new Session(key, locale, direction, dataSets, 0, Status.ACTIVE, version, now, now);
    }

    public Optional<Direction> chosenDirection() {
        return Optional.ofNullable(direction);
    }

    /** Whether the merchant has said what to migrate, which every step after the first needs. */
    public boolean migrationChosen() {
        return direction != null && !dataSets.isEmpty();
    }

    public Session withDirection(Direction newDirection, Instant now) {
        Set<DataSet> data = dataSets.isEmpty() ? EnumSet.allOf(DataSet.class) : dataSets;
        return new Session(key, locale, newDirection, data, step, status, version + 1, createdAt, now);
    }

    public Session withDataSets(Set<DataSet> newDataSets, Instant now) {
        return new Session(key, locale, direction, newDataSets, step, status, version + 1, createdAt, now);
    }

    public Session atStep(int newStep, Status newStatus, Instant now) {
        return new Session(key, locale, direction, dataSets, newStep, newStatus, version + 1, createdAt, now);
    }

    public Session withStatus(Status newStatus, Instant now) {
        return new Session(key, locale, direction, dataSets, step, newStatus, version + 1, createdAt, now);
    }
}
