package dev.bcsetup.server.soak;

import java.util.List;

/**
 * What the checks after a soak found, set against what the merchants saw. A loss is a receipt without its hand-off,
 * a hand-off missing at a destination, a hand-off stored in silence (its merchant saw neither a receipt nor any
 * trouble), or one the outbox gave up on; a duplicate is a hand-off that reached a destination more than once, and
 * {@code duplicatesAfterHang} are those a channel got again because the first post was held by a hang past the bot's
 * timeout (at least once is all an engineers' channel can get: neither Slack nor Teams takes an idempotency key).
 */
public record Findings(int handOffs, int receipts, int receiptsNotStored, int receiptsOfAnotherMerchant,
                       int missingAtWebhook, int missingInSlack, int missingInTeams,
                       int webhookRepeats, int duplicatesInSlack, int duplicatesInTeams, int duplicatesAfterHang,
                       int storedAfterTrouble, int storedInSilence, int merchantsWithSeveral,
                       int outboxPending, int outboxGivenUp, int badSignatures, List<String> examples) {

    public Findings {
        examples = List.copyOf(examples);
    }

    public int losses() {
        return receiptsNotStored + receiptsOfAnotherMerchant + missingAtWebhook + missingInSlack + missingInTeams
                + storedInSilence + outboxGivenUp;
    }

    public int duplicates() {
        return webhookRepeats + duplicatesInSlack + duplicatesInTeams;
    }
}
