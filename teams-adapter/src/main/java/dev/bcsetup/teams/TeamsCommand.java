package dev.bcsetup.teams;

import dev.bcsetup.flow.Direction;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a person typed to the bot, once the bot's own mention is removed. */
sealed interface TeamsCommand {

    /** "start" or "setup", optionally "to" or "from" (BigCommerce). */
    record Start(Optional<Direction> direction) implements TeamsCommand {
    }

    record Help() implements TeamsCommand {
    }

    /** "status": where am I? */
    record Status() implements TeamsCommand {
    }

    record Restart() implements TeamsCommand {
    }

    /** "cancel" or "stop": stop the setup. */
    record Cancel() implements TeamsCommand {
    }

    /** "forget": stop the setup and withdraw credentials not yet picked up. */
    record Forget() implements TeamsCommand {
    }

    /** "setup for ..." by a support agent: {@code rest} is what follows, with any mention of the customer. */
    record SetupFor(String rest, Optional<Direction> direction) implements TeamsCommand {
    }

    record RegisterEngineersChannel() implements TeamsCommand {
    }

    /** Anything else. */
    record Other(String text) implements TeamsCommand {
    }

    Pattern SETUP_FOR = Pattern.compile("(?is)^(?:setup|start)\\s+for\\s+(.+?)(?:\\s+(to|from)(?:\\s+bigcommerce)?)?\\s*$");
    Pattern START = Pattern.compile("(?i)^(?:start|setup|set up)(?:\\s+(to|from|into|out of)(?:\\s+bigcommerce)?)?$");

    static TeamsCommand parse(String typed) {
        String text = typed == null ? "" : typed.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
        text = text.replaceAll("^/", "").replaceAll("[.!]+$", "");
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher setupFor = SETUP_FOR.matcher(text);
        if (setupFor.matches()) {
            return new SetupFor(setupFor.group(1).strip(), direction(setupFor.group(2)));
        }
        Matcher start = START.matcher(text);
        if (start.matches()) {
            return new Start(direction(start.group(1)));
        }
        return switch (lower) {
            case "help", "?" -> new Help();
            case "status", "where am i", "where was i" -> new Status();
            case "restart", "start over" -> new Restart();
            case "cancel", "stop" -> new Cancel();
            case "forget" -> new Forget();
            case "register engineers channel", "register engineer channel" -> new RegisterEngineersChannel();
            default -> new Other(text);
        };
    }

    private static Optional<Direction> direction(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        return Optional.of(w.equals("from") || w.equals("out of") ? Direction.FROM_BIGCOMMERCE : Direction.TO_BIGCOMMERCE);
    }
}
