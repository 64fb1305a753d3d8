package dev.bcsetup.conversation;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says, free of any platform: each adapter renders these as Block Kit, an Adaptive
 * Card or HTML. Text uses the flow's small markup (see {@link dev.bcsetup.flow.Step}).
 */
public sealed interface Reply {

    /** Show a step; platforms that can update a message in place replace the previous step with it. */
    record StepShown(StepView view) implements Reply {
        public StepShown {
            Objects.requireNonNull(view, "view");
        }
    }

    /** More explanation for one step, shown beside the step rather than instead of it. */
    record HelpShown(String title, String body) implements Reply {
    }

    /** Open the secure credential form (a Slack modal, a Teams dialog, a page). */
    record FormRequested(FormView form) implements Reply {
    }

    /** The instant checks found problems: show the form again, with a message beside each field. */
    record FormRejected(FormView form) implements Reply {
    }

    /** The credentials passed the instant checks; the live check is running. */
    record Checking(String text) implements Reply {
    }

    /** How the live check went, and what to do about it. */
    record ReportShown(ReportView report) implements Reply {
    }

    /** A message that is not a step, with buttons when there is something to do next. */
    record Notice(String text, List<Action> actions) implements Reply {
        public Notice {
            actions = List.copyOf(actions);
        }
    }
}
