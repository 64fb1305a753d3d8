package dev.bcsetup.conversation;

import java.util.Objects;

/** A button as the merchant sees it: what it does, its label, and how prominent it is. */
public record Action(ActionRef ref, String label, Style style) {

    /** How a button stands out. */
    public enum Style {
        PRIMARY,
        DEFAULT,
        DANGER
    }

    public Action {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(style, "style");
    }
}
