package dev.bcsetup.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bcsetup.conversation.SessionKey;
import java.time.Duration;
import java.util.Optional;

/**
 * Which message shows each setup's card, so a click updates that message in place. Kept in memory: after a
 * restart the next click still works, because the click itself names its message ({@code replyToId}).
 */
final class CardMessages {

    /** The message a card was sent in. */
    record Card(String conversationId, String activityId) {
    }

    private final Cache<SessionKey, Card> cards = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(8))
            .build();

    Optional<Card> find(SessionKey key) {
        return Optional.ofNullable(cards.getIfPresent(key));
    }

    void remember(SessionKey key, Card card) {
        cards.put(key, card);
    }
}
