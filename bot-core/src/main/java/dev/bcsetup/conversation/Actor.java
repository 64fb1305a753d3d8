package dev.bcsetup.conversation;

import java.util.Objects;

/** The person who clicked or typed, by their platform user ID. */
public record Actor(String id) {

    public Actor {
        Objects.requireNonNull(id, "id");
    }
}
