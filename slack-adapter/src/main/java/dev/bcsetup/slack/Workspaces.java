package dev.bcsetup.slack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workspaces that uninstalled the app or revoked its token: nothing more is posted there. In memory, so a
 * restart forgets it; by then the revoked token fails anyway, and a reinstall brings a new token.
 */
final class Workspaces {

    private static final Logger LOG = LoggerFactory.getLogger(Workspaces.class);

    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    void markGone(String team, String why) {
        if (team != null && gone.add(team)) {
            LOG.warn("Slack workspace {}: {}; no more messages will be sent there", team, why);
        }
    }

    boolean isGone(String team) {
        return team != null && gone.contains(team);
    }
}
