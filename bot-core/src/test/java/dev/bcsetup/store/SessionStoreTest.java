package dev.bcsetup.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T1", "U1");

    private final InMemorySessionRepository repository = new InMemorySessionRepository();
    private final SessionStore store = new SessionStore(repository, 100, Duration.ofMinutes(10));

    @Test
    void savesANewSessionOnlyWhenNoneIsStored() {
        Session first = Session.begin(KEY, "en", null, 1, T0);

        assertThat(store.save(first, 0)).isTrue();
        assertThat(store.save(Session.begin(KEY, "en", null, 1, T0), 0)).isFalse();
        assertThat(store.find(KEY)).contains(first);
    }

    @Test
    void refusesAWriteBasedOnAStaleVersion() {
        Session first = Session.begin(KEY, "en", null, 1, T0);
        store.save(first, 0);
        Session moved = first.atStep(1, Status.ACTIVE, T0);
        store.save(moved, 1);

        assertThat(store.save(first.atStep(3, Status.ACTIVE, T0), 1)).isFalse();
        assertThat(store.find(KEY)).contains(moved);
    }

    @Test
    void aLostRaceDropsTheCachedCopySoTheWinnerIsRead() {
        Session first = Session.begin(KEY, "en", null, 1, T0);
        store.save(first, 0);
        Session otherInstance = first.atStep(2, Status.ACTIVE, T0);
        repository.save(otherInstance, 1);

        assertThat(store.find(KEY)).contains(first);
        assertThat(store.save(first.atStep(1, Status.ACTIVE, T0), 1)).isFalse();
        assertThat(store.find(KEY)).contains(otherInstance);
    }

    @Test
    void deletesSessionsIdleSinceTheCutoff() {
        store.save(Session.begin(KEY, "en", null, 1, T0), 0);
        SessionKey recent = SessionKey.own(Platform.SLACK, "T1", "U2");
        store.save(Session.begin(recent, "en", null, 1, T0.plus(Duration.ofDays(3))), 0);

        assertThat(store.deleteIdleSince(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(store.find(KEY)).isEmpty();
        assertThat(store.find(recent)).isPresent();
    }
}
