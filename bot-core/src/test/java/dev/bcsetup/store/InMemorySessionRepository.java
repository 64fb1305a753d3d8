package dev.bcsetup.store;

import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Sessions in this process's memory, for tests of what sits in front of a repository. */
public final class InMemorySessionRepository implements SessionRepository {

    private final ConcurrentMap<SessionKey, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> find(SessionKey key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public boolean save(Session session, long expectedVersion) {
        AtomicBoolean saved = new AtomicBoolean();
        sessions.compute(session.key(), (key, stored) -> {
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != expectedVersion) {
                return stored;
            }
            saved.set(true);
            return session;
        });
        return saved.get();
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.updatedAt().isBefore(cutoff));
        return before - sessions.size();
    }
}
