package dev.bcsetup.flow;

/** What a step asks of the merchant, which decides what the conversation adds to its text. */
public enum StepKind {
    /** Choose the direction and the data sets. Always the first step. */
    MIGRATION,
    /** Do something in the control panel. */
    INSTRUCTION,
    /** Tick the scopes: the step shows the merchant's exact scope table. */
    SCOPES,
    /** Hand the credentials over through the secure form. Always the last step. */
    HAND_OVER
}
