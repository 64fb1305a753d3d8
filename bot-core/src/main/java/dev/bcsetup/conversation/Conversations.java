package dev.bcsetup.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.CheckLimits;
import dev.bcsetup.credentials.StoreHash;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.handoff.HandOff;
import dev.bcsetup.handoff.HandOffs;
import dev.bcsetup.handoff.Submission;
import dev.bcsetup.notify.EngineerNotifier;
import dev.bcsetup.store.SessionStore;
import dev.bcsetup.store.StorageException;
import java.util.ArrayList;
import java.util.Collections;
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
    private final Optional<HandOffs> handOffs;
    private final CheckLimits limits;
    /** Sessions a check ended in while storage was unavailable, by setup; kept until written or the check times out. */
    private final Cache<SessionKey, Session> unsettled = Caffeine.newBuilder()
            .expireAfterWrite(Conversation.CHECK_TIMEOUT).maximumSize(100_000).build();

    /** Without hand-offs: credentials that pass are reported, not stored (tests of the conversation alone). */
    public Conversations(Conversation conversation, SessionStore store, BigCommerceValidator validator,
                         List<EngineerNotifier> notifiers, Executor executor) {
        this(conversation, store, validator, notifiers, executor, Optional.empty());
    }

    /**
     * With {@code handOffs}, credentials that pass the live check are stored for the migration team. Live checks
     * are limited by {@link CheckLimits#standard}.
     */
    public Conversations(Conversation conversation, SessionStore store, BigCommerceValidator validator,
                         List<EngineerNotifier> notifiers, Executor executor, Optional<HandOffs> handOffs) {
        this(conversation, store, validator, notifiers, executor, handOffs, CheckLimits.standard(conversation.clock()));
    }

    /** As above, with {@code limits} on how many live checks a setup and a store may ask for. */
    public Conversations(Conversation conversation, SessionStore store, BigCommerceValidator validator,
                         List<EngineerNotifier> notifiers, Executor executor, Optional<HandOffs> handOffs,
                         CheckLimits limits) {
        this.limits = limits;
        this.conversation = conversation;
        this.store = store;
        this.validator = validator;
        this.notifiers = List.copyOf(notifiers);
        this.executor = executor;
        this.handOffs = handOffs;
    }

    /**
     * Decides what {@code event} does and stores the result. When the database does not answer, the merchant is told
     * that nothing was saved (and nothing was); the same press works again once it is back.
     */
    public Outcome handle(SessionKey key, Event event) {
        try {
            return decide(key, event);
        } catch (StorageException e) {
            LOG.warn("A {} setup's {} was not saved, storage is unavailable: {}", key.platform(),
                    event.getClass().getSimpleName(), e.getMessage());
            return conversation.notSaved();
        }
    }

    private Outcome decide(SessionKey key, Event event) {
        for (int attempt = 1; ; attempt++) {
            Optional<Session> stored = settle(key, store.find(key));
            Outcome outcome = conversation.handle(key, stored, event);
            // The abuse limit is asked before anything is saved: a refused check leaves the setup as it was and
            // sends nothing to BigCommerce.
            Optional<CheckLimits.Permit> permit = Optional.empty();
            Optional<Effect.Validate> check = outcome.effects().stream()
                    .filter(Effect.Validate.class::isInstance).map(Effect.Validate.class::cast).findFirst();
            if (check.isPresent()) {
                CheckLimits.Decision decision = limits.tryAcquire(key, check.get().credentials().storeHash());
                if (decision instanceof CheckLimits.Decision.Refused refused) {
                    LOG.warn("Live check limit reached for a {} setup (store {}): next allowed at {}",
                            key.platform(), check.get().credentials().storeHash().value(), refused.retryAt());
                    return conversation.checkLimited(stored, refused.retryAt());
                }
                permit = Optional.of(((CheckLimits.Decision.Allowed) decision).permit());
            }
            if (outcome.session().isEmpty() || outcome.session().equals(stored)) {
                return withReference(key, stored, outcome);
            }
            long expected = stored.map(Session::version).orElse(0L);
            boolean saved;
            try {
                saved = store.save(outcome.session().get(), expected);
            } catch (StorageException e) {
                permit.ifPresent(CheckLimits.Permit::release);
                throw e;
            }
            if (saved) {
                return outcome;
            }
            permit.ifPresent(CheckLimits.Permit::release);
            if (attempt == ATTEMPTS) {
                throw new ConcurrentSessionChangeException(key);
            }
        }
    }

    /**
     * "Already passed every check" with the hand-off's reference: the report that showed it first may never have
     * reached the merchant (Slack or the Bot Connector down when the check ended). Without storage for hand-offs, or
     * should reading it fail, the notice goes without.
     */
    private Outcome withReference(SessionKey key, Optional<Session> before, Outcome outcome) {
        if (handOffs.isEmpty() || before.isEmpty() || before.get().status() != Status.VALIDATED
                || !outcome.equals(conversation.alreadyValidated(before.get(), Optional.empty()))) {
            return outcome;
        }
        try {
            return handOffs.get().latestReference(key)
                    .map(reference -> conversation.alreadyValidated(before.get(), Optional.of(reference)))
                    .orElse(outcome);
        } catch (StorageException e) {
            LOG.warn("A {} setup's hand-off reference could not be read: {}", key.platform(), e.getMessage());
            return outcome;
        }
    }

    /**
     * Writes what a check left behind while the database was away (its report, or "send again"), before the
     * merchant's next event is decided, so that event meets the setup where the merchant last saw it.
     */
    private Optional<Session> settle(SessionKey key, Optional<Session> stored) {
        Session pending = unsettled.getIfPresent(key);
        if (pending == null) {
            return stored;
        }
        long before = pending.version() - 1;
        boolean applies = stored.filter(s -> s.status() == Status.CHECKING && s.version() == before).isPresent();
        if (applies && store.save(pending, before)) {
            unsettled.invalidate(key);
            LOG.info("Stored the result of a {} setup's check that ended while storage was unavailable", key.platform());
            return Optional.of(pending);
        }
        unsettled.invalidate(key);
        return applies ? store.find(key) : stored;
    }

    /**
     * Handles events one person sent in a row, in order, as {@link #handle} would one after the other, but stores
     * the session once, after the last: clicks that queued up while the bot was busy cost one write, not one each.
     * Returns one outcome per event. Should an event ask for a live check, each is handled on its own instead,
     * because the check's abuse limit is asked before anything is saved. When the database does not answer, the last
     * event is answered "not saved", as {@link #handle} answers one, and the others nothing: one notice for the burst.
     */
    public List<Outcome> handleInOrder(SessionKey key, List<Event> events) {
        if (events.size() == 1) {
            return List.of(handle(key, events.get(0)));
        }
        try {
            return decideInOrder(key, events);
        } catch (StorageException e) {
            LOG.warn("A {} setup's {} events were not saved, storage is unavailable: {}", key.platform(), events.size(),
                    e.getMessage());
            List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(events.size() - 1,
                    new Outcome(Optional.empty(), List.of(), List.of())));
            outcomes.add(conversation.notSaved());
            return outcomes;
        }
    }

    private List<Outcome> decideInOrder(SessionKey key, List<Event> events) {
        for (int attempt = 1; ; attempt++) {
            Optional<Session> stored = settle(key, store.find(key));
            Optional<Session> current = stored;
            List<Outcome> outcomes = new ArrayList<>();
            for (Event event : events) {
                Outcome outcome = conversation.handle(key, current, event);
                if (outcome.effects().stream().anyMatch(Effect.Validate.class::isInstance)) {
                    // Nothing was saved yet and deciding has no side effects: decide again, one event at a time.
                    return events.stream().map(e -> handle(key, e)).toList();
                }
                outcomes.add(withReference(key, current, outcome));
                current = outcome.session().isPresent() ? outcome.session() : current;
            }
            if (current.isEmpty() || current.equals(stored)) {
                return outcomes;
            }
            if (store.save(current.get(), stored.map(Session::version).orElse(0L))) {
                return outcomes;
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
                    replies.addAll(validated(validate, validator.validate(validate.credentials(), validate.plan())));
                } else if (effect instanceof Effect.Withdraw withdraw) {
                    try {
                        List<String> references = handOffs.map(h -> h.withdraw(withdraw.key(), withdraw.actor()))
                                .orElse(List.of()).stream().map(HandOff::reference).toList();
                        replies.addAll(handle(withdraw.key(), new Event.Withdrawn(withdraw.actor(), references)).replies());
                    } catch (StorageException e) {
                        LOG.warn("A {} setup's hand-offs were not withdrawn, storage is unavailable: {}",
                                withdraw.key().platform(), e.getMessage());
                        replies.addAll(conversation.notSaved().replies());
                    }
                }
            }
            return replies;
        }, executor);
    }

    /**
     * Hands passed credentials off and tells the conversation how the check went. A check that told nothing about the
     * credentials (BigCommerce did not answer) is not counted against the merchant's limit. If the database went away
     * meanwhile, no receipt is shown for a hand-off that was not stored: the merchant is asked to send again.
     */
    private List<Reply> validated(Effect.Validate validate, ValidationReport report) {
        StoreHash store = validate.credentials().storeHash();
        if (report.outcome() == dev.bcsetup.credentials.Outcome.BIGCOMMERCE_UNAVAILABLE) {
            limits.refund(validate.key(), store);
        }
        Optional<String> reference;
        try {
            reference = report.valid() ? handOff(validate, report) : Optional.empty();
        } catch (StorageException e) {
            LOG.warn("Credentials for store {} passed but were not stored, storage is unavailable: {}", store.value(),
                    e.getMessage());
            limits.refund(validate.key(), store);
            return afterCheck(validate.key(), conversation.checkNotStored(validate.submitted()), validate.submitted());
        }
        Event finished = new Event.ValidationFinished(validate.actor(), report, reference);
        try {
            return decide(validate.key(), finished).replies();
        } catch (StorageException e) {
            // The hand-off, if any, is stored and will be delivered: its receipt is shown now, the setup saved later.
            LOG.warn("The report of a {} setup's check is shown but not saved yet, storage is unavailable: {}",
                    validate.key().platform(), e.getMessage());
            return afterCheck(validate.key(), conversation.handle(validate.key(), Optional.of(validate.submitted()), finished),
                    validate.submitted());
        }
    }

    /** Saves what a check ended in, or keeps it for {@link #settle} until the database answers again. */
    private List<Reply> afterCheck(SessionKey key, Outcome outcome, Session submitted) {
        outcome.session().filter(s -> !s.equals(submitted)).ifPresent(after -> {
            try {
                store.save(after, submitted.version());
            } catch (StorageException e) {
                unsettled.put(key, after);
            }
        });
        return outcome.replies();
    }

    /**
     * Stores the passed credentials for the migration team, unless the setup moved on while they were checked
     * (cancelled, restarted). A storage failure propagates: the merchant is asked to send again.
     */
    private Optional<String> handOff(Effect.Validate validate, ValidationReport report) {
        if (handOffs.isEmpty()) {
            return Optional.empty();
        }
        Session submitted = validate.submitted();
        boolean unchanged = store.find(validate.key())
                .filter(s -> s.version() == submitted.version() && s.status() == Status.CHECKING).isPresent();
        if (!unchanged) {
            return Optional.empty();
        }
        HandOff handOff = handOffs.get().submit(new Submission(validate.key(), submitted.version(), submitted.direction(),
                submitted.dataSets(), validate.credentials(), report));
        return Optional.of(handOff.reference());
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
