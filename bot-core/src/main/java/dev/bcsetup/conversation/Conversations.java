package dev.bcsetup.conversation;

import dev.bcsetup.store.SessionStore;
import java.util.Optional;

/**
 * Runs the conversation against stored sessions: read, decide, write conditionally, and on a lost race
 * (a double click, another instance) decide again from what the winner stored.
 */
public final class Conversations {

    private static final int ATTEMPTS = 5;

    private final Conversation conversation;
    private final SessionStore store;

    public Conversations(Conversation conversation, SessionStore store) {
        this.conversation = conversation;
        this.store = store;
    }

    public Outcome handle(SessionKey key, Event event) {
        for (int attempt = 1; ; attempt++) {
            Optional<Session> stored = store.find(key);
            Outcome outcome = conversation.handle(key, stored, event);
            if (outcome.session().isEmpty() || outcome.session().equals(stored)) {
                return outcome;
            }
            long expected = stored.map(Session::version).orElse(0L);
            if (store.save(outcome.session().get(), expected)) {
                return outcome;
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentSessionChangeException(key);
            }
        }
    }

    /** The current session, if any, without changing it. */
    public Optional<Session> find(SessionKey key) {
        return store.find(key);
    }
}
