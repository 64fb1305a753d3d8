package dev.bcsetup.server.soak;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret the soak handed out (each merchant's access token and client ID, the bot token, the webhook secret),
 * and where any of them turned up that it must not: the server's log, what Slack or the Bot Connector received.
 */
final class Secrets {

    /** Tokens and client IDs are runs of lowercase letters and digits of this length. */
    static final int CREDENTIAL_LENGTH = 31;
    private static final Pattern RUN = Pattern.compile("[a-z0-9]{" + CREDENTIAL_LENGTH + ",}");

    private final Set<String> credentials = ConcurrentHashMap.newKeySet();
    private final List<String> fixed;
    private final List<String> leaks = new CopyOnWriteArrayList<>();

    Secrets(String... fixed) {
        this.fixed = List.of(fixed);
    }

    void add(String credential) {
        credentials.add(credential);
    }

    /** Records a leak if {@code text} holds any secret; {@code where} names the place, never the secret. */
    void scan(String where, String text) {
        for (String secret : fixed) {
            if (text.contains(secret)) {
                leaks.add(where);
                return;
            }
        }
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            String found = run.group();
            for (int at = 0; at + CREDENTIAL_LENGTH <= found.length(); at++) {
                if (credentials.contains(found.substring(at, at + CREDENTIAL_LENGTH))) {
                    leaks.add(where);
                    return;
                }
            }
        }
    }

    /** Where secrets turned up, one entry per finding. */
    List<String> leaks() {
        return List.copyOf(leaks);
    }
}
