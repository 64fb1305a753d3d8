package dev.bcsetup.conversation;

/** What a button does; with the step it was shown on and a value it becomes an {@link Event}. */
public enum ActionKind {
    NEXT,
    BACK,
    HELP,
    STUCK,
    RESTART,
    CHOOSE_DIRECTION,
    GO_TO,
    OPEN_FORM
}
