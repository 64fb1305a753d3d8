package dev.bcsetup.server.soak;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the bot showed a merchant the way the merchant would: which step, a receipt, or which trouble. */
final class Seen {

    private static final Pattern STEP = Pattern.compile("Step (\\d) of 7");
    private static final Pattern REFERENCE = Pattern.compile("BC-[0-9A-Z]{4}-[0-9A-Z]{4}");

    private Seen() {
    }

    /** The step number shown (1 to 7), or 0. */
    static int step(String shown) {
        Matcher step = STEP.matcher(shown);
        return step.find() ? Integer.parseInt(step.group(1)) : 0;
    }

    /** The reference of a hand-off receipt, if {@code shown} is one. */
    static Optional<String> receipt(String shown) {
        if (!shown.contains("Your reference is")) {
            return Optional.empty();
        }
        Matcher reference = REFERENCE.matcher(shown);
        return reference.find() ? Optional.of(reference.group()) : Optional.empty();
    }

    /** Every hand-off reference in {@code shown} (an engineers' notice names one). */
    static Optional<String> reference(String shown) {
        Matcher reference = REFERENCE.matcher(shown);
        return reference.find() ? Optional.of(reference.group()) : Optional.empty();
    }

    /** The trouble a message tells of, as a short label for the tally; empty when it tells of none. */
    static Optional<String> trouble(String shown) {
        if (shown.contains("too many times in the last hour")) {
            return Optional.of("told: too many checks");
        }
        if (shown.contains("being checked right now")) {
            return Optional.of("told: already checking");
        }
        if (shown.contains("interrupted before it finished")) {
            return Optional.of("told: check interrupted, send again");
        }
        if (shown.contains("open the secure form just now")) {
            return Optional.of("told: form not opened, press again");
        }
        if (shown.contains("too little time to open the secure form")) {
            return Optional.of("told: Slack trigger expired, press again");
        }
        if (shown.contains("BigCommerce is not answering") || shown.contains("could not be reached")) {
            return Optional.of("report: BigCommerce unreachable, try again");
        }
        if (shown.contains("did not answer within")) {
            return Optional.of("report: BigCommerce too slow, try again");
        }
        if (shown.contains("allowance is used up")) {
            return Optional.of("report: store rate limit, try again");
        }
        if (shown.contains("belongs to an earlier step")) {
            return Optional.of("told: button from an earlier step");
        }
        if (shown.contains("could not save that just now") || shown.contains("my database is not answering")) {
            return Optional.of("told: not saved, try again in a minute");
        }
        if (shown.contains("could not store them for the migration team")) {
            return Optional.of("told: checked but not stored, send again");
        }
        if (shown.contains("went wrong")) {
            return Optional.of("told: something went wrong");
        }
        return Optional.empty();
    }

    /** Whether a report says BigCommerce, not the credentials, was the problem: worth waiting a while before again. */
    static boolean bigCommerceTrouble(String shown) {
        return trouble(shown).filter(t -> t.startsWith("report: ")).isPresent();
    }

    /** The bot's answer to a press on an old message: it shows the current step again. */
    static boolean staleButton(String shown) {
        return shown.contains("belongs to an earlier step");
    }

    /** The bot's answer once the credentials passed: nothing left to do, with the reference when one is stored. */
    static boolean alreadyValidated(String shown) {
        return shown.contains("already passed every check");
    }

    static boolean tooManyChecks(String shown) {
        return shown.contains("too many times in the last hour");
    }
}
