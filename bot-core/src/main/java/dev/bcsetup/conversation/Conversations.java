package dev.bcsetup.conversation;

import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.notify.EngineerNotifier;
import dev.bcsetup.store.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the conversation against stored sessions: read, decide, write conditionally, and on a lost race
 * (a double click, another instance) decide again from what the winner stored. Adapters call
 * {@link #handle} while answering the platform, render its replies, then call {@link #followUp} for the
 * slow part (the live credential check, notifying engineers) and render what that yields when it completes.
 */
public final class Conversations {

    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
    private static final int ATTEMPTS = 5;

    private final Conversation conversation;
    private final SessionStore store;
    private final BigCommerceValidator validator;
    private final List<EngineerNotifier> notifiers;
    private final Executor executor;

    public Conversations(Conversation conversation, SessionStore store, BigCommerceValidator validator,
                         List<EngineerNotifier> notifiers, Executor executor) {
        this.conversation = conversation;
        this.store = store;
        this.validator = validator;
        this.notifiers = List.copyOf(notifiers);
        this.executor = executor;
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

    /**
     * Carries out the outcome's effects off the caller's thread and completes with the replies they lead
     * to: the validation report after a live check. A failing notifier is logged, never thrown.
     */
    public CompletableFuture<List<Reply>> followUp(Outcome outcome) {
        if (outcome.effects().isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<Reply> replies = new ArrayList<>();
            for (Effect effect : outcome.effects()) {
                if (effect instanceof Effect.Escalate escalate) {
                    notifyAll(escalate);
                } else if (effect instanceof Effect.Validate validate) {
                    ValidationReport report = validator.validate(validate.credentials(), validate.plan());
                    replies.addAll(handle(validate.key(), new Event.ValidationFinished(validate.actor(), report)).replies());
                }
            }
            return replies;
        }, executor);
    }

    private void notifyAll(Effect.Escalate escalate) {
        for (EngineerNotifier notifier : notifiers) {
            try {
                notifier.merchantStuck(escalate);
            } catch (RuntimeException e) {
                LOG.warn("{} could not pass on a help request: {}", notifier.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /** The current session, if any, without changing it. */
    public Optional<Session> find(SessionKey key) {
        return store.find(key);
    }
}
