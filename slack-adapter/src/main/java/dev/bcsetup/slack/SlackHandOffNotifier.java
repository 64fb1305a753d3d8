package dev.bcsetup.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bcsetup.handoff.HandOffNotice;
import dev.bcsetup.handoff.HandOffNotifier;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each validated hand-off to the engineers' channel ({@code HANDOFF_SLACK_CHANNEL}): the store, the
 * migration, the scopes, masked credentials and who sent them, with Reveal and Mark received. A refused post
 * throws so the outbox tries again; a hand-off already posted by this instance is not posted twice.
 */
public final class SlackHandOffNotifier implements HandOffNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHandOffNotifier.class);

    private final SlackWebApi api;
    private final String channel;
    private final HandOffBlocks blocks;
    private final Cache<String, String> posted = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofDays(1)).build();

    SlackHandOffNotifier(SlackWebApi api, String channel, HandOffBlocks blocks) {
        this.api = api;
        this.channel = channel;
        this.blocks = blocks;
    }

    @Override
    public String destination() {
        return "slack";
    }

    @Override
    public void deliver(HandOffNotice notice) {
        if (posted.getIfPresent(notice.handOffId()) != null) {
            return;
        }
        try {
            String ts = api.post(channel, blocks.fallback(notice), blocks.notice(notice));
            posted.put(notice.handOffId(), ts);
            LOG.info("Hand-off {} posted to the engineers' Slack channel {}", notice.reference(), channel);
        } catch (SlackCallFailed e) {
            LOG.warn("Hand-off {} not posted to the engineers' Slack channel {}: {}", notice.reference(), channel, e.error());
            throw e;
        }
    }
}
