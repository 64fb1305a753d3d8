package dev.bcsetup.server.soak;

import dev.bcsetup.conversation.Platform;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One merchant's way from the command to a receipt: who they are (a person of their own, so the per-setup check
 * limit never binds across journeys), their store and its API account, what they will get wrong first, and where
 * they will wander off (Help, Back, start over). Records what they saw, for the checks after the soak.
 */
final class Journey {

    /** How the first form sent goes wrong, if it does. */
    enum Mistake {
        NONE,
        /** A control-panel URL as the API path: refused by the instant checks, no live check spent. */
        CONTROL_PANEL_URL,
        /** A token whose scopes are read-only: the live check reports what to fix. */
        READ_ONLY_TOKEN
    }

    /**
     * How the journey ended: with a receipt; told the credentials had passed but never shown the receipt (it was
     * lost on its way); given up (too many checks); or not at all by the end of the soak.
     */
    enum Outcome { COMPLETED, TOLD_DONE_WITHOUT_RECEIPT, ABANDONED, UNFINISHED }

    private static final int NOTES_KEPT = 20;

    final Platform platform;
    final String workspace;
    final String user;
    final String label;
    final String storeHash;
    final String token;
    final String readOnlyToken;
    final String clientId;
    final Mistake mistake;
    final int helpAt;
    final int backAt;
    final int restartAt;
    final boolean startWithDirection;

    private boolean mistakeMade;
    private boolean validSent;
    private boolean troubleAfterValid;
    private final List<String> receipts = new ArrayList<>();
    private final List<String> troubles = new ArrayList<>();
    private Outcome outcome = Outcome.UNFINISHED;
    private final long began = System.nanoTime();
    private final Deque<String> notes = new ArrayDeque<>();

    Journey(Platform platform, String workspace, String user, String label, String storeHash, Random random) {
        this.platform = platform;
        this.workspace = workspace;
        this.user = user;
        this.label = label;
        this.storeHash = storeHash;
        this.token = credential(random);
        this.readOnlyToken = credential(random);
        this.clientId = credential(random);
        double roll = random.nextDouble();
        this.mistake = roll < 0.2 ? Mistake.CONTROL_PANEL_URL : roll < 0.4 ? Mistake.READ_ONLY_TOKEN : Mistake.NONE;
        this.helpAt = random.nextDouble() < 0.3 ? 2 + random.nextInt(5) : 0;
        this.backAt = random.nextDouble() < 0.3 ? 3 + random.nextInt(4) : 0;
        this.restartAt = random.nextDouble() < 0.15 ? 2 + random.nextInt(5) : 0;
        this.startWithDirection = random.nextBoolean();
    }

    private static String credential(Random random) {
        StringBuilder value = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < Secrets.CREDENTIAL_LENGTH; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    String apiPath() {
        return "https://api.bigcommerce.com/stores/" + storeHash + "/v3/";
    }

    /** What the merchant types into the form this time: their mistake once, then the right values. */
    synchronized Map<String, String> nextForm() {
        if (!mistakeMade && mistake != Mistake.NONE) {
            mistakeMade = true;
            return mistake == Mistake.CONTROL_PANEL_URL
                    ? form("https://store-" + storeHash + ".mybigcommerce.com/manage/dashboard", token)
                    : form(apiPath(), readOnlyToken);
        }
        validSent = true;
        return form(apiPath(), token);
    }

    private Map<String, String> form(String apiPath, String accessToken) {
        return Map.of("apiPath", apiPath, "clientId", clientId, "accessToken", accessToken);
    }

    /** Something went wrong in front of the merchant: an error message, a failed click, or no answer. */
    synchronized void trouble(String what) {
        note("met: " + what);
        troubles.add(what);
        if (validSent) {
            troubleAfterValid = true;
        }
    }

    /** Keeps the last few things the merchant did and met, to show how an unfinished journey got stuck. */
    synchronized void note(String what) {
        if (notes.size() == NOTES_KEPT) {
            notes.removeFirst();
        }
        notes.addLast(String.format("%+.1fs %s", (System.nanoTime() - began) / 1e9, what));
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized void receipt(String reference) {
        if (!receipts.contains(reference)) {
            receipts.add(reference);
        }
        outcome = Outcome.COMPLETED;
    }

    /**
     * The bot said the credentials had passed: with the hand-off's reference, that is the receipt; without one, the
     * merchant never saw it.
     */
    synchronized void toldDone(String shown) {
        Optional<String> reference = Seen.reference(shown);
        if (reference.isPresent()) {
            receipt(reference.get());
        } else if (outcome == Outcome.UNFINISHED) {
            outcome = Outcome.TOLD_DONE_WITHOUT_RECEIPT;
        }
    }

    synchronized void abandon() {
        outcome = Outcome.ABANDONED;
    }

    synchronized boolean done() {
        return outcome != Outcome.UNFINISHED;
    }

    synchronized Outcome outcome() {
        return outcome;
    }

    synchronized List<String> receipts() {
        return List.copyOf(receipts);
    }

    /** Whether the merchant met trouble after sending the right credentials: a hand-off they never saw is explained. */
    synchronized boolean troubleAfterValid() {
        return troubleAfterValid;
    }

    synchronized List<String> troubles() {
        return List.copyOf(troubles);
    }
}
