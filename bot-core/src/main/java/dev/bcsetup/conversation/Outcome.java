package dev.bcsetup.conversation;

import java.util.List;
import java.util.Optional;

/** The result of handling one event: the session to keep (if any), what to say, and what to do. */
public record Outcome(Optional<Session> session, List<Reply> replies, List<Effect> effects) {

    public Outcome {
        replies = List.copyOf(replies);
        effects = List.copyOf(effects);
    }

    static Outcome of(Session session, Reply... replies) {
        return new Outcome(Optional.ofNullable(session), List.of(replies), List.of());
    }
}
