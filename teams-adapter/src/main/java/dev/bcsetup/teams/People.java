package dev.bcsetup.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.ChannelAccount;
import java.time.Duration;

/** Display names of the people the bot has seen, so messages to engineers can say who, not only an id. */
final class People {

    private final Cache<String, String> names = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(8))
            .build();

    void saw(ChannelAccount account) {
        if (account != null && account.getId() != null && account.getName() != null && !account.getName().isBlank()) {
            names.put(account.getId(), account.getName());
        }
    }

    /** "Jane Doe (29:1abc...)" or just the id. */
    String describe(String id) {
        String name = names.getIfPresent(id);
        return name == null ? id : name + " (" + id + ")";
    }

    String name(String id, String fallback) {
        String name = names.getIfPresent(id);
        return name == null ? fallback : name;
    }
}
