package dev.bcsetup.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the user groups named in {@code ENGINEERS} a person belongs to, asked of Slack only when
 * {@code ENGINEERS} names a group at all, with each group's members remembered for a few minutes.
 * It only gathers facts for the core, which decides who is an engineer.
 */
final class EngineerGroups {

    private static final Logger LOG = LoggerFactory.getLogger(EngineerGroups.class);

    private final SlackWebApi api;
    private final Set<String> groups;
    private final Cache<String, List<String>> members = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(1_000).build();

    EngineerGroups(SlackWebApi api, Set<String> groups) {
        this.api = api;
        this.groups = Set.copyOf(groups);
    }

    Set<String> of(String user) {
        Set<String> mine = new TreeSet<>();
        for (String group : groups) {
            try {
                if (members.get(group, api::usergroupMembers).contains(user)) {
                    mine.add(group);
                }
            } catch (SlackCallFailed e) {
                // Unknown group or missing scope: that group grants nothing, the others still count.
                LOG.warn("Slack user group {} could not be read ({}); its members are not recognised as engineers", group, e.error());
            }
        }
        return mine;
    }
}
