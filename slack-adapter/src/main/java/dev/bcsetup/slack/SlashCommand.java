package dev.bcsetup.slack;

import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.flow.Direction;
import java.util.Locale;
import java.util.Optional;

/** The words after {@code /bigcommerce-setup}, as the event they stand for; empty means "show the usage". */
final class SlashCommand {

    private SlashCommand() {
    }

    static Optional<Event> toEvent(String text, Actor actor) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "", "start" -> Optional.of(new Event.Start(actor, null, Optional.empty()));
            case "to", "into" -> Optional.of(new Event.Start(actor, null, Optional.of(Direction.TO_BIGCOMMERCE)));
            case "from", "out" -> Optional.of(new Event.Start(actor, null, Optional.of(Direction.FROM_BIGCOMMERCE)));
            case "status" -> Optional.of(new Event.Resume(actor));
            case "restart" -> Optional.of(new Event.Restart(actor));
            // Stops the setup and withdraws credentials the migration team has not picked up yet.
            case "forget" -> Optional.of(new Event.Forget(actor));
            // Stops the setup only: anything already handed over stays with the migration team.
            case "cancel", "stop" -> Optional.of(new Event.Cancel(actor));
            default -> Optional.empty();
        };
    }
}
