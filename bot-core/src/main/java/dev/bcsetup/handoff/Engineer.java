package dev.bcsetup.handoff;

import dev.bcsetup.conversation.Platform;
import java.util.Objects;
import java.util.Set;

/**
 * A person asking to act on a hand-off: their platform user ID and the groups the platform says they
 * belong to (Slack user groups). Whether they may is decided in the core, against {@code ENGINEERS}.
 */
public record Engineer(Platform platform, String workspace, String userId, Set<String> groups) {

    public Engineer {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        groups = Set.copyOf(groups);
    }
}
