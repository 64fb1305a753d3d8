package dev.bcsetup.store;

import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import java.time.Instant;
import java.util.Optional;

/** Where sessions live between events. Writes are conditional on the version read, so no update is lost. */
public interface SessionRepository {

    Optional<Session> find(SessionKey key);

    /**
     * Stores {@code session} if the stored one still has {@code expectedVersion} (0: none stored yet).
     * Returns false, writing nothing, when another writer got there first.
     */
    boolean save(Session session, long expectedVersion);

    /** Deletes sessions untouched since {@code cutoff}; returns how many. */
    int deleteIdleSince(Instant cutoff);
}
