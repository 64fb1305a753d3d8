package dev.bcsetup.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A Caffeine cache in front of a {@link SessionRepository}. A write that loses the version race
 * drops the cached copy, so the next read sees what the winner (maybe another instance) stored.
 */
public final class SessionStore {

    private final SessionRepository repository;
    private final Cache<SessionKey, Session> cache;

    public SessionStore(SessionRepository repository, long maximumCached, Duration cacheIdle) {
        this.repository = repository;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumCached)
                .expireAfterAccess(cacheIdle)
                .build();
    }

    public Optional<Session> find(SessionKey key) {
        Session cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Session> stored = repository.find(key);
        stored.ifPresent(s -> cache.put(key, s));
        return stored;
    }

    /** Saves if nobody else changed the session since {@code expectedVersion}; see {@link SessionRepository#save}. */
    public boolean save(Session session, long expectedVersion) {
        if (repository.save(session, expectedVersion)) {
            cache.put(session.key(), session);
            return true;
        }
        cache.invalidate(session.key());
        return false;
    }

    public int deleteIdleSince(Instant cutoff) {
        int deleted = repository.deleteIdleSince(cutoff);
        cache.asMap().values().removeIf(s -> s.updatedAt().isBefore(cutoff));
        return deleted;
    }
}
