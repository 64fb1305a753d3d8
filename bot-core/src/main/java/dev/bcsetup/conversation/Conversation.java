package dev.bcsetup.conversation;

import dev.bcsetup.credentials.CredentialIntake;
import dev.bcsetup.credentials.CredentialMessages;
import dev.bcsetup.credentials.IntakeResult;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Flow;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.flow.ScopePlan;
import dev.bcsetup.flow.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guided conversation as a pure function: (session, event, clock) to (session, replies, effects).
 * It does no I/O, so every path can be tested without a network; {@link Conversations} stores the result.
 * An event that does not fit the current state (a stale button, a double click, Back on the first step)
 * gets an explanation and the current step, never an exception.
 */
public final class Conversation {

    /** A check still "running" after this long was cut short (a restart, a crash): the merchant sends again. */
    static final Duration CHECK_TIMEOUT = Duration.ofMinutes(2);

    private final FlowLibrary flows;
    private final Clock clock;
    private final Duration idleTimeout;
    private final CredentialIntake intake = new CredentialIntake();
    private final Map<String, CredentialMessages> messages = new ConcurrentHashMap<>();

    public Conversation(FlowLibrary flows, Clock clock, Duration idleTimeout) {
        this.flows = Objects.requireNonNull(flows, "flows");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        this.idleTimeout = idleTimeout;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The answer when a live check is over its abuse limit: the setup stays as it was and the merchant learns when
     * they may send again (minutes from now, rounded up, and the UTC time).
     */
    public Outcome checkLimited(Optional<Session> stored, Instant retryAt) {
        Flow flow = flows.forLocale(stored.map(Session::locale).orElse(null));
        long seconds = Math.max(0, Duration.between(clock.instant(), retryAt).getSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        String at = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(retryAt.plusSeconds(59));
        return new Outcome(stored, List.of(new Reply.Notice(flow.text(Text.TOO_MANY_CHECKS,
                "minutes", Long.toString(minutes), "time", at), List.of())), List.of());
    }

    /**
     * The answer when a check's result could not be stored (the database went away while it ran): the setup is ready
     * for the form again, and the merchant reads that nothing was kept and to send again shortly.
     */
    public Outcome checkNotStored(Session submitted) {
        Flow flow = flows.forLocale(submitted.locale());
        Session ready = submitted.withStatus(Status.READY, clock.instant());
        return Outcome.of(ready, show(flow, ready, flow.text(Text.CHECK_NOT_STORED)));
    }

    /** The answer when the setup could not be read or saved: nothing changed, and the merchant may try again shortly. */
    public Outcome notSaved() {
        return new Outcome(Optional.empty(), List.of(new Reply.Notice(flows.forLocale(null).text(Text.NOT_SAVED), List.of())),
                List.of());
    }

    /** How long an untouched setup lives before it expires. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Outcome handle(SessionKey key, Optional<Session> stored, Event event) {
        Instant now = clock.instant();
        Optional<Session> live = stored.filter(s -> !expired(s, now));
        boolean expired = stored.isPresent() && live.isEmpty();
        long nextVersion = stored.map(s -> s.version() + 1).orElse(1L);

        if (!key.mayAct(event.actor())) {
            Flow flow = flows.forLocale(live.map(Session::locale).orElse(null));
            return new Outcome(stored, List.of(new Reply.Notice(flow.text(Text.NOT_ALLOWED), List.of())), List.of());
        }
        if (event instanceof Event.Forget forget) {
            return forget(key, stored, live, forget, now);
        }
        if (event instanceof Event.Withdrawn withdrawn) {
            return withdrawn(stored, live, withdrawn);
        }
        if (event instanceof Event.Start start) {
            return start(key, live, start, expired, nextVersion, now);
        }
        if (live.isEmpty()) {
            return withoutSession(key, event, expired, nextVersion, now);
        }
        Session session = live.get();
        Flow flow = flows.forLocale(session.locale());
        if (event instanceof Event.ValidationFinished finished) {
            return validationFinished(flow, session, finished, now);
        }
        if (session.status() == Status.CANCELLED) {
            return cancelled(flow, session, event, nextVersion, now);
        }
        if (session.status() == Status.CHECKING && checkInterrupted(session, now)) {
            Session ready = session.withStatus(Status.READY, now);
            return Outcome.of(ready, show(flow, ready, flow.text(Text.CHECK_INTERRUPTED)));
        }
        if (event instanceof Event.OpenForm || event instanceof Event.SubmitCredentials) {
            return credentials(flow, session, event, now);
        }
        if (session.status() == Status.CHECKING && !(event instanceof Event.Help || event instanceof Event.Stuck
                || event instanceof Event.Cancel || event instanceof Event.Restart)) {
            return Outcome.of(session, new Reply.Notice(flow.text(Text.ALREADY_CHECKING), List.of()));
        }
        if (session.status() == Status.VALIDATED && (event instanceof Event.Resume || isNavigation(event))) {
            return alreadyValidated(session, Optional.empty());
        }
        if (event instanceof Event.ChooseDirection choose) {
            return chooseDirection(flow, session, choose, now);
        }
        if (event instanceof Event.Next next) {
            return next(flow, session, next, now);
        }
        if (event instanceof Event.Back back) {
            return back(flow, session, back, now);
        }
        if (event instanceof Event.GoTo goTo) {
            return goTo(flow, session, goTo, now);
        }
        if (event instanceof Event.Help) {
            return Outcome.of(session, StepViews.help(flow, session));
        }
        if (event instanceof Event.Stuck) {
            return stuck(flow, session);
        }
        if (event instanceof Event.Restart) {
            Session fresh = restart(session, nextVersion, now);
            return Outcome.of(fresh, show(flow, fresh, flow.text(Text.RESTARTED)));
        }
        if (event instanceof Event.Cancel) {
            return Outcome.of(session.withStatus(Status.CANCELLED, now),
                    new Reply.Notice(flow.text(Text.CANCELLED), List.of(startAgain(flow))));
        }
        // Resume, and any event a newer adapter sends that this version does not know: show where we are.
        return Outcome.of(session, show(flow, session, null));
    }

    private Outcome start(SessionKey key, Optional<Session> live, Event.Start start, boolean expired,
                          long nextVersion, Instant now) {
        Flow flow = flows.forLocale(start.locale());
        if (live.isPresent() && live.get().status() == Status.VALIDATED) {
            return alreadyValidated(live.get(), Optional.empty());
        }
        if (live.isPresent() && live.get().status() != Status.CANCELLED) {
            Session session = live.get();
            Flow sessionFlow = flows.forLocale(session.locale());
            if (session.status() == Status.CHECKING) {
                return Outcome.of(session, new Reply.Notice(sessionFlow.text(Text.ALREADY_CHECKING), List.of()));
            }
            if (start.direction().isPresent() && session.step() == 0) {
                session = session.withDirection(start.direction().get(), now);
            }
            String notice = session.step() == 0 && !session.migrationChosen()
                    ? sessionFlow.text(Text.WELCOME)
                    : sessionFlow.text(Text.WELCOME_BACK, "number", Integer.toString(session.step() + 1),
                            "total", Integer.toString(sessionFlow.size()));
            return Outcome.of(session, show(sessionFlow, session, notice));
        }
        Session fresh = Session.begin(key, flow.locale(), start.direction().orElse(null), nextVersion, now);
        String notice = expired ? expiredNotice(flow) : flow.text(Text.WELCOME);
        return Outcome.of(fresh, show(flow, fresh, notice));
    }

    /** Opening the form and sending it; both are the merchant's alone, so an agent never sees the secret. */
    private Outcome credentials(Flow flow, Session session, Event event, Instant now) {
        if (!session.key().maySubmit(event.actor())) {
            return Outcome.of(session, new Reply.Notice(flow.text(Text.ONLY_MERCHANT_MAY_SUBMIT), List.of()));
        }
        if (!session.migrationChosen()) {
            Session first = session.step() == 0 ? session : moveTo(flow, session, 0, now);
            return Outcome.of(first, show(flow, first, flow.text(Text.CHOOSE_DIRECTION_FIRST)));
        }
        if (session.status() == Status.CHECKING) {
            return Outcome.of(session, new Reply.Notice(flow.text(Text.ALREADY_CHECKING), List.of()));
        }
        CredentialMessages text = messages(session);
        if (event instanceof Event.OpenForm) {
            return Outcome.of(session, new Reply.FormRequested(CredentialViews.form(flow, text, List.of())));
        }
        Event.SubmitCredentials submit = (Event.SubmitCredentials) event;
        IntakeResult result = intake.check(submit.form());
        if (result instanceof IntakeResult.Rejected rejected) {
            return Outcome.of(session, new Reply.FormRejected(CredentialViews.form(flow, text, rejected.problems())));
        }
        IntakeResult.Accepted accepted = (IntakeResult.Accepted) result;
        Session checking = session.atStep(flow.lastIndex(), Status.CHECKING, now);
        Effect validate = new Effect.Validate(session.key(), submit.actor(), accepted.credentials(),
                ScopePlan.forMigration(session.direction(), session.dataSets()), checking);
        return new Outcome(Optional.of(checking), List.of(new Reply.Checking(flow.text(Text.CHECKING))), List.of(validate));
    }

    private Outcome validationFinished(Flow flow, Session session, Event.ValidationFinished finished, Instant now) {
        if (session.status() != Status.CHECKING) {
            // The merchant restarted or cancelled while the check ran: its result no longer applies.
            return new Outcome(Optional.of(session), List.of(), List.of());
        }
        Session after = session.withStatus(finished.report().valid() ? Status.VALIDATED : Status.READY, now);
        ReportView report = CredentialViews.report(flow, messages(session), finished.report(), flow.lastIndex(),
                finished.handOffReference());
        return Outcome.of(after, new Reply.ReportShown(report));
    }

    /**
     * The merchant takes back what they sent: the setup stops now, and the withdrawal itself is an effect
     * whose result comes back as {@link Event.Withdrawn}. Only the merchant may, as only they may submit.
     */
    private Outcome forget(SessionKey key, Optional<Session> stored, Optional<Session> live, Event.Forget forget,
                           Instant now) {
        Flow flow = flows.forLocale(live.map(Session::locale).orElse(null));
        if (!key.maySubmit(forget.actor())) {
            return new Outcome(stored, List.of(new Reply.Notice(flow.text(Text.ONLY_MERCHANT_MAY_FORGET), List.of())),
                    List.of());
        }
        Optional<Session> after = live.filter(s -> s.status() != Status.CANCELLED)
                .map(s -> s.withStatus(Status.CANCELLED, now))
                .or(() -> stored);
        return new Outcome(after, List.of(), List.of(new Effect.Withdraw(key, forget.actor())));
    }

    private Outcome withdrawn(Optional<Session> stored, Optional<Session> live, Event.Withdrawn withdrawn) {
        Flow flow = flows.forLocale(live.map(Session::locale).orElse(null));
        String text = withdrawn.references().isEmpty()
                ? flow.text(Text.FORGOT_NOTHING)
                : flow.text(Text.FORGOT, "references", String.join(", ", withdrawn.references()));
        return new Outcome(stored, List.of(new Reply.Notice(text, List.of(startAgain(flow)))), List.of());
    }

    private CredentialMessages messages(Session session) {
        return messages.computeIfAbsent(flows.forLocale(session.locale()).locale(),
                language -> CredentialMessages.forLocale(Locale.forLanguageTag(language)));
    }

    private boolean checkInterrupted(Session session, Instant now) {
        return session.updatedAt().plus(CHECK_TIMEOUT).isBefore(now);
    }

    private static boolean isNavigation(Event event) {
        return event instanceof Event.Next || event instanceof Event.Back || event instanceof Event.GoTo
                || event instanceof Event.ChooseDirection;
    }

    /** A button or command for a setup that no longer exists (expired, purged, never started): begin anew. */
    private Outcome withoutSession(SessionKey key, Event event, boolean expired, long nextVersion, Instant now) {
        Flow flow = flows.forLocale(null);
        if (event instanceof Event.Cancel) {
            return new Outcome(Optional.empty(), List.of(new Reply.Notice(flow.text(Text.NOTHING_TO_CANCEL), List.of())),
                    List.of());
        }
        Session fresh = Session.begin(key, flow.locale(), null, nextVersion, now);
        String notice = expired ? expiredNotice(flow) : flow.text(Text.WELCOME);
        return Outcome.of(fresh, show(flow, fresh, notice));
    }

    private Outcome cancelled(Flow flow, Session session, Event event, long nextVersion, Instant now) {
        if (event instanceof Event.Restart) {
            Session fresh = restart(session, nextVersion, now);
            return Outcome.of(fresh, show(flow, fresh, flow.text(Text.RESTARTED)));
        }
        return Outcome.of(session, new Reply.Notice(flow.text(Text.CANCELLED_HINT), List.of(startAgain(flow))));
    }

    private Outcome chooseDirection(Flow flow, Session session, Event.ChooseDirection choose, Instant now) {
        if (choose.fromStep() != session.step()) {
            return stale(flow, session);
        }
        Session chosen = session.direction() == choose.direction() ? session : session.withDirection(choose.direction(), now);
        return Outcome.of(chosen, show(flow, chosen, null));
    }

    private Outcome next(Flow flow, Session session, Event.Next next, Instant now) {
        if (next.fromStep() != session.step()) {
            return stale(flow, session);
        }
        Session current = session;
        if (session.step() == 0) {
            Optional<Set<DataSet>> ticked = next.dataSets();
            if (ticked.isPresent() && !ticked.get().equals(session.dataSets())) {
                current = current.withDataSets(ticked.get(), now);
            }
            if (current.direction() == null) {
                return Outcome.of(current, show(flow, current, flow.text(Text.CHOOSE_DIRECTION_FIRST)));
            }
            if (current.dataSets().isEmpty()) {
                return Outcome.of(current, show(flow, current, flow.text(Text.CHOOSE_DATA_FIRST)));
            }
        }
        if (current.step() == flow.lastIndex()) {
            return Outcome.of(current, show(flow, current, flow.text(Text.ALREADY_ON_LAST_STEP)));
        }
        Session moved = moveTo(flow, current, current.step() + 1, now);
        return Outcome.of(moved, show(flow, moved, moved.status() == Status.READY ? flow.text(Text.READY) : null));
    }

    private Outcome back(Flow flow, Session session, Event.Back back, Instant now) {
        if (back.fromStep() != session.step()) {
            return stale(flow, session);
        }
        if (session.step() == 0) {
            return Outcome.of(session, show(flow, session, flow.text(Text.ALREADY_ON_FIRST_STEP)));
        }
        Session moved = moveTo(flow, session, session.step() - 1, now);
        return Outcome.of(moved, show(flow, moved, null));
    }

    private Outcome goTo(Flow flow, Session session, Event.GoTo goTo, Instant now) {
        int index = goTo.number() - 1;
        if (index < 0 || index > flow.lastIndex()) {
            return Outcome.of(session, show(flow, session, flow.text(Text.NO_SUCH_STEP,
                    "number", Integer.toString(goTo.number()), "total", Integer.toString(flow.size()))));
        }
        if (index > 0 && !session.migrationChosen()) {
            Session first = session.step() == 0 ? session : moveTo(flow, session, 0, now);
            return Outcome.of(first, show(flow, first, flow.text(Text.CHOOSE_DIRECTION_FIRST)));
        }
        Session moved = index == session.step() ? session : moveTo(flow, session, index, now);
        return Outcome.of(moved, show(flow, moved, null));
    }

    private Outcome stuck(Flow flow, Session session) {
        String title = flow.step(session.step()).title();
        Reply notice = new Reply.Notice(flow.text(Text.STUCK_ACKNOWLEDGED, "step", title), List.of());
        Effect escalate = new Effect.Escalate(session.key(), session.step() + 1, title);
        return new Outcome(Optional.of(session), List.of(notice), List.of(escalate));
    }

    private Outcome stale(Flow flow, Session session) {
        return Outcome.of(session, show(flow, session, flow.text(Text.STALE_BUTTON)));
    }

    private static Session moveTo(Flow flow, Session session, int index, Instant now) {
        return session.atStep(index, index == flow.lastIndex() ? Status.READY : Status.ACTIVE, now);
    }

    private static Session restart(Session session, long nextVersion, Instant now) {
        return Session.begin(session.key(), session.locale(), null, nextVersion, now);
    }

    private static Reply show(Flow flow, Session session, String notice) {
        return new Reply.StepShown(StepViews.of(flow, session, notice));
    }

    /**
     * The answer to the guide once the setup passed every check: nothing left to do, and the hand-off's reference when
     * one is stored (the report that first showed it may never have reached the merchant).
     */
    public Outcome alreadyValidated(Session session, Optional<String> reference) {
        Flow flow = flows.forLocale(session.locale());
        String text = reference.map(r -> flow.text(Text.ALREADY_VALIDATED_REFERENCE, "reference", r))
                .orElseGet(() -> flow.text(Text.ALREADY_VALIDATED));
        return Outcome.of(session, new Reply.Notice(text, List.of(startOver(flow))));
    }

    private static Action startOver(Flow flow) {
        return new Action(new ActionRef(ActionKind.RESTART, 0), flow.text(Text.LABEL_RESTART), Action.Style.DEFAULT);
    }

    private static Action startAgain(Flow flow) {
        return new Action(new ActionRef(ActionKind.RESTART, 0), flow.text(Text.LABEL_START), Action.Style.PRIMARY);
    }

    private String expiredNotice(Flow flow) {
        return flow.text(Text.EXPIRED_STARTING_AGAIN, "days", Long.toString(Math.max(1, idleTimeout.toDays())));
    }

    private boolean expired(Session session, Instant now) {
        return session.updatedAt().plus(idleTimeout).isBefore(now);
    }
}
