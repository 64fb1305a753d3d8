package dev.bcsetup.server.soak;

import dev.bcsetup.slack.FakeSlackApi;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Slack merchant sees, fed by {@link SlackWatch}: the bot's step message in their DM (as last posted or
 * updated), the ephemeral notices not read yet, and the modal opened for them last. Merchants wait on it for change.
 */
final class SlackInbox {

    /** The DM message showing where the merchant is, and its blocks as text. */
    record Message(FakeSlackApi.Call call, String text) {
    }

    private final Journey journey;
    private final String dm;
    private long version;
    private Message message;
    private String viewId;
    private final List<String> notices = new ArrayList<>();

    SlackInbox(Journey journey, String dm) {
        this.journey = journey;
        this.dm = dm;
    }

    String dm() {
        return dm;
    }

    synchronized void message(FakeSlackApi.Call call) {
        String text = call.blocksText();
        message = new Message(call, text);
        Seen.receipt(text).ifPresent(journey::receipt);
        changed();
    }

    synchronized void notice(String text) {
        notices.add(text);
        changed();
    }

    synchronized void viewOpened(String id) {
        viewId = id;
        changed();
    }

    synchronized void viewChanged(String text) {
        Seen.receipt(text).ifPresent(journey::receipt);
        changed();
    }

    synchronized Message message() {
        return message;
    }

    synchronized String viewId() {
        return viewId;
    }

    /** The notices that arrived since the last call. */
    synchronized List<String> takeNotices() {
        List<String> unread = List.copyOf(notices);
        notices.clear();
        return unread;
    }

    synchronized long version() {
        return version;
    }

    /** Waits until something new arrives after {@code since}; false if nothing did within {@code millis}. */
    synchronized boolean awaitChange(long since, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (version == since) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void changed() {
        version++;
        notifyAll();
    }
}
