package dev.bcsetup.flow;

import java.util.Objects;

/** An annotated picture of a control-panel screen: a PNG under {@code flow/images/} and its alt text. */
public record Picture(String file, String alt) {

    public Picture {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(alt, "alt");
    }
}
