package dev.bcsetup.server.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Teams merchant sees in their personal chat, fed by {@link TeamsWatch}: the bot's card (as last sent or
 * updated, with its activity id) and the text messages not read yet. Merchants wait on it for change.
 */
final class TeamsInbox {

    /** The card showing where the merchant is: its message id, the card, and the card as text. */
    record Card(String activityId, JsonNode card, String text) {
    }

    private final Journey journey;
    private long version;
    private Card card;
    private final List<String> messages = new ArrayList<>();

    TeamsInbox(Journey journey) {
        this.journey = journey;
    }

    synchronized void card(String activityId, JsonNode content) {
        card = new Card(activityId, content, content.toString());
        Seen.receipt(card.text()).ifPresent(journey::receipt);
        changed();
    }

    synchronized void message(String text) {
        messages.add(text);
        changed();
    }

    synchronized Card card() {
        return card;
    }

    synchronized List<String> takeMessages() {
        List<String> unread = List.copyOf(messages);
        messages.clear();
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
