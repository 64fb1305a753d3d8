package dev.bcsetup.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bcsetup.conversation.SessionKey;
import java.time.Duration;
import java.util.Optional;

/**
 * Where each merchant's current step message is (DM channel and {@code ts}), so moving on updates it in
 * place. Kept in memory: a restart or a second instance forgets it, and the next button press then updates
 * the message that was clicked (its ts comes with the click), so nothing is lost but a merged history.
 */
final class StepMessages {

    /** A message Slack can update: its channel and timestamp. */
    record MessageRef(String channel, String ts) {
    }

    private final Cache<SessionKey, MessageRef> current;
    private final Cache<String, String> dmChannels;

    StepMessages(Duration keepFor) {
        this.current = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(keepFor).build();
        this.dmChannels = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(keepFor).build();
    }

    Optional<MessageRef> current(SessionKey key) {
        return Optional.ofNullable(current.getIfPresent(key));
    }

    void remember(SessionKey key, MessageRef message) {
        current.put(key, message);
    }

    void forget(SessionKey key) {
        current.invalidate(key);
    }

    Optional<String> dmChannel(String team, String user) {
        return Optional.ofNullable(dmChannels.getIfPresent(team + "/" + user));
    }

    void rememberDm(String team, String user, String channel) {
        dmChannels.put(team + "/" + user, channel);
    }
}
