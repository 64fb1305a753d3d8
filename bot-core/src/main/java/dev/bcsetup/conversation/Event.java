package dev.bcsetup.conversation;

import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something a person did, translated from a platform payload. Buttons carry the step they were shown
 * on ({@code fromStep}), so a click on an old message is recognised instead of acted on twice.
 */
public sealed interface Event {

    /** Who clicked or typed. */
    Actor actor();

    /** The command that opens the guide, optionally already saying which way the data goes. */
    record Start(Actor actor, String locale, Optional<Direction> direction) implements Event {
        public Start {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /** "Where was I?": show the current step without changing anything. */
    record Resume(Actor actor) implements Event {
    }

    record ChooseDirection(Actor actor, int fromStep, Direction direction) implements Event {
        public ChooseDirection {
            Objects.requireNonNull(direction, "direction");
        }
    }

    /** Next; on the first step it may carry the data sets ticked on the same screen. */
    record Next(Actor actor, int fromStep, Optional<Set<DataSet>> dataSets) implements Event {
        public Next {
            Objects.requireNonNull(dataSets, "dataSets");
        }

        public Next(Actor actor, int fromStep) {
            this(actor, fromStep, Optional.empty());
        }
    }

    record Back(Actor actor, int fromStep) implements Event {
    }

    /** Jump to a step by its number as shown to the merchant (1 is the first). */
    record GoTo(Actor actor, int number) implements Event {
    }

    /** More explanation for the current step. */
    record Help(Actor actor) implements Event {
    }

    /** "I'm stuck": ask a person for help. */
    record Stuck(Actor actor) implements Event {
    }

    record Restart(Actor actor) implements Event {
    }

    record Cancel(Actor actor) implements Event {
    }

    /** Open the secure credential form. */
    record OpenForm(Actor actor, int fromStep) implements Event {
    }

    /** The merchant sent the secure form; {@code form} holds what they typed, unchecked. */
    record SubmitCredentials(Actor actor, CredentialForm form) implements Event {
        public SubmitCredentials {
            Objects.requireNonNull(form, "form");
        }
    }

    /**
     * The live check of submitted credentials ended; sent by {@link Conversations}, never by a person.
     * {@code handOffReference} names the hand-off stored for the migration team when they passed.
     */
    record ValidationFinished(Actor actor, ValidationReport report, Optional<String> handOffReference) implements Event {
        public ValidationFinished {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(handOffReference, "handOffReference");
        }

        public ValidationFinished(Actor actor, ValidationReport report) {
            this(actor, report, Optional.empty());
        }
    }

    /** "Forget me": withdraw the credentials I sent that the migration team has not received, and stop. */
    record Forget(Actor actor) implements Event {
    }

    /** What a {@link Forget} removed, by hand-off reference; sent by {@link Conversations}, never by a person. */
    record Withdrawn(Actor actor, List<String> references) implements Event {
        public Withdrawn {
            references = List.copyOf(references);
        }
    }
}
