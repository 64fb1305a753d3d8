package dev.bcsetup.conversation;

import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a button means, small enough to travel in a Slack button value, a card's data or an HTML form
 * ({@code next:3}, {@code choose_direction:0:TO_BIGCOMMERCE}), and the one place that turns it back
 * into an event, so every platform reads buttons the same way.
 */
public record ActionRef(ActionKind kind, int step, String value) {

    private static final Pattern ENCODED = Pattern.compile("([a-z_]{2,20}):(\\d{1,3})(?::([A-Z_]{1,30}))?");

    public ActionRef {
        Objects.requireNonNull(kind, "kind");
        value = value == null ? "" : value;
    }

    public ActionRef(ActionKind kind, int step) {
        this(kind, step, "");
    }

    public String encode() {
        String base = kind.name().toLowerCase(Locale.ROOT) + ":" + step;
        return value.isEmpty() ? base : base + ":" + value;
    }

    /** Reads an encoded button; anything malformed or unknown is empty, never an exception. */
    public static Optional<ActionRef> decode(String encoded) {
        if (encoded == null || encoded.length() > 60) {
            return Optional.empty();
        }
        Matcher m = ENCODED.matcher(encoded.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        ActionKind kind;
        try {
            kind = ActionKind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        String value = m.group(3) == null ? "" : m.group(3);
        if (kind == ActionKind.CHOOSE_DIRECTION && parseDirection(value).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ActionRef(kind, Integer.parseInt(m.group(2)), value));
    }

    /** The event this button stands for; {@code dataSets} are those ticked beside it, when the platform sends them. */
    public Event toEvent(Actor actor, Optional<Set<DataSet>> dataSets) {
        return switch (kind) {
            case NEXT -> new Event.Next(actor, step, dataSets);
            case BACK -> new Event.Back(actor, step);
            case HELP -> new Event.Help(actor);
            case STUCK -> new Event.Stuck(actor);
            case RESTART -> new Event.Restart(actor);
            case CHOOSE_DIRECTION -> new Event.ChooseDirection(actor, step, parseDirection(value).orElseThrow());
            case GO_TO -> new Event.GoTo(actor, step + 1);
            case OPEN_FORM -> new Event.OpenForm(actor, step);
        };
    }

    private static Optional<Direction> parseDirection(String value) {
        for (Direction d : Direction.values()) {
            if (d.name().equals(value)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
