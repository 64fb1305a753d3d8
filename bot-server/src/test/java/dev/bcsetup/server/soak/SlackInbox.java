package dev.bcsetup.server.soak;

import dev.bcsetup.slack.FakeSlackApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What one Slack merchant sees, fed by {@link SlackWatch}: the bot's step message in their DM (as last posted or
 * updated), the ephemeral notices not read yet, and the modal opened for them last. Merchants wait on it for the
 * answer to what they pressed.
 */
final class SlackInbox {

    /** The DM message showing where the merchant is, and its blocks as text. */
    record Message(FakeSlackApi.Call call, String text) {
    }

    /**
     * Where things stood when the merchant pressed something: how many step messages and notices had come (notices
     * about a button from an earlier step not counted: they answer an older press), which step showed, which modal.
     */
    record Mark(long messages, long notices, int step, String viewId) {
    }

    private final Journey journey;
    private final String dm;
    private long version;
    private long messages;
    private long notices;
    private Message message;
    private String viewId;
    private final List<String> unread = new ArrayList<>();

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
        messages++;
        Seen.receipt(text).ifPresent(journey::receipt);
        changed();
    }

    synchronized void notice(String text) {
        unread.add(text);
        if (!Seen.staleButton(text)) {
            notices++;
        }
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

    synchronized Mark mark() {
        return new Mark(messages, notices, message == null ? 0 : Seen.step(message.text()), viewId);
    }

    /** A new step showing (or a notice), as after Next or Back. */
    synchronized boolean movedOn(Mark mark) {
        return notices > mark.notices() || message != null && Seen.step(message.text()) != mark.step();
    }

    /** The step message sent or updated again (or a notice), as after a command or a choice on the same step. */
    synchronized boolean shownAgain(Mark mark) {
        return notices > mark.notices() || messages > mark.messages();
    }

    /** A notice, as after Help. */
    synchronized boolean noticed(Mark mark) {
        return notices > mark.notices();
    }

    /** A modal opened (or a notice saying why not). */
    synchronized boolean modalOpened(Mark mark) {
        return notices > mark.notices() || viewId != null && !Objects.equals(viewId, mark.viewId());
    }

    /** The notices that arrived since the last call. */
    synchronized List<String> takeNotices() {
        List<String> read = List.copyOf(unread);
        unread.clear();
        return read;
    }

    synchronized long version() {
        return version;
    }

    /** Waits until something new arrives after {@code since}; false if nothing did within {@code millis}. */
    synchronized boolean awaitChange(long since, long millis) {
        long start = since;
        return await(millis, inbox -> inbox.version != start);
    }

    /** Waits until {@code answered} holds; false if it did not within {@code millis}. */
    synchronized boolean await(long millis, Predicate<SlackInbox> answered) {
        long deadline = System.currentTimeMillis() + millis;
        while (!answered.test(this)) {
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
