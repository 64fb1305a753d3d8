package dev.bcsetup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.bcsetup.conversation.ActionKind;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.Status;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Flow;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.flow.Markup;
import dev.bcsetup.flow.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack payloads to core events, core replies to Slack messages. The request thread only reads the payload
 * and queues the work, so Slack is acknowledged at once; the queued work runs the conversation and posts.
 * The step lives in one DM message updated in place; help and notices are ephemeral, so it stays clean.
 * Every click is handled, but clicks that queued up while the merchant's lane was busy are handled together
 * (one session write), and a step message state that a newer one replaces is not sent: only the newest goes
 * out, after anything sent before it and before anything after.
 */
final class SlackConversation {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConversation.class);
    /** How long after the answer to a form submission its report may replace the "checking" view. */
    static final Duration REPORT_NOT_BEFORE = Duration.ofMillis(700);

    private final Conversations conversations;
    private final FlowLibrary flows;
    private final SlackWebApi api;
    private final BlockKit kit;
    private final Workspaces workspaces;
    private final StepMessages messages;
    private final SerialExecutor executor;
    private final SlackTexts texts;
    private final CredentialModals modals;
    private final SlackPictures pictures;
    /** Per merchant, the step message's newest state not sent yet because a newer one was coming. */
    private final Map<SessionKey, Runnable> unsent = new ConcurrentHashMap<>();
    /** Per merchant, the commands and clicks acknowledged but not yet picked up by their lane. */
    private final Map<SessionKey, List<Waiting>> waiting = new ConcurrentHashMap<>();

    /** A command or click waiting for the merchant's lane, with what answering it needs. */
    private record Waiting(String channel, Event event, Optional<String> clicked, boolean fresh) {
    }

    SlackConversation(Conversations conversations, FlowLibrary flows, SlackWebApi api, BlockKit kit,
                      Workspaces workspaces, StepMessages messages, SerialExecutor executor, SlackTexts texts,
                      SlackPictures pictures) {
        this.texts = texts;
        this.pictures = pictures;
        this.modals = new CredentialModals(texts);
        this.conversations = conversations;
        this.flows = flows;
        this.api = api;
        this.kit = kit;
        this.workspaces = workspaces;
        this.messages = messages;
        this.executor = executor;
    }

    /** What the command's answer (the acknowledgement) says in the channel it was typed in; empty: say nothing. */
    Optional<String> command(SlashCommandPayload payload) {
        if (blank(payload.getUserId()) || blank(payload.getTeamId())) {
            return Optional.empty(); // Slack always names both; a command without them is nobody's to act on
        }
        Actor actor = new Actor(payload.getUserId());
        Optional<Event> event = SlashCommand.toEvent(payload.getText(), actor);
        if (event.isEmpty()) {
            return Optional.of(texts.get(SlackText.USAGE, "command", SlackTexts.COMMAND));
        }
        String team = payload.getTeamId();
        if (workspaces.isGone(team)) {
            return Optional.empty();
        }
        SessionKey key = SessionKey.own(Platform.SLACK, team, payload.getUserId());
        boolean fresh = event.get() instanceof Event.Start || event.get() instanceof Event.Resume;
        queue(key, new Waiting(null, event.get(), Optional.empty(), fresh));
        boolean typedInOurDm = messages.dmChannel(team, payload.getUserId())
                .map(dm -> dm.equals(payload.getChannelId())).orElse(false);
        return typedInOurDm ? Optional.empty() : Optional.of(texts.get(SlackText.DM_POINTER));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A button press (or a tick, which needs nothing until Next). Unknown buttons are ignored. */
    void action(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getUser() == null) {
            return;
        }
        String user = payload.getUser().getId();
        String team = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        if (team == null || user == null || workspaces.isGone(team)) {
            return;
        }
        Actor actor = new Actor(user);
        SessionKey key = SessionKey.own(Platform.SLACK, team, user);
        for (BlockActionPayload.Action action : payload.getActions()) {
            Optional<Event> event = toEvent(action, actor, payload.getState());
            if (event.isPresent() && event.get() instanceof Event.OpenForm) {
                openForm(key, event.get(), payload, action);
                return;
            }
            if (event.isPresent()) {
                String channel = payload.getChannel() != null ? payload.getChannel().getId() : null;
                Optional<String> clicked = clickedMessage(payload);
                boolean fresh = event.get() instanceof Event.Start || event.get() instanceof Event.Resume;
                queue(key, new Waiting(channel, event.get(), clicked, fresh));
                return;
            }
        }
    }

    /**
     * "Open the secure form" or "Try again": decided and opened on the request thread, because the click's
     * trigger expires 3 seconds after the click and the merchant's lane may be busy. In a modal (the report's
     * Try again) the open view is replaced instead, which needs no trigger.
     */
    private void openForm(SessionKey key, Event event, BlockActionPayload payload, BlockActionPayload.Action action) {
        BlockActionPayload.Container container = payload.getContainer();
        boolean inModal = container != null && "view".equals(container.getType()) && payload.getView() != null;
        Optional<String> knownDm = inModal ? CredentialModals.dmFrom(payload.getView().getPrivateMetadata())
                : Optional.ofNullable(payload.getChannel()).map(c -> c.getId()).filter(CredentialModals::isDm);
        Outcome outcome;
        try {
            outcome = conversations.handle(key, event);
        } catch (RuntimeException e) {
            LOG.warn("Slack: could not open the form for {} in {}: {}", key.user(), key.workspace(), describe(e));
            return;
        }
        List<Reply> others = new ArrayList<>();
        for (Reply reply : outcome.replies()) {
            if (!(reply instanceof Reply.FormRequested requested)) {
                others.add(reply);
                continue;
            }
            Optional<String> notice = inModal ? Optional.of(texts.get(SlackText.FORM_NOTICE_RETRY)) : Optional.empty();
            View form = modals.form(requested.form(), CredentialModals.metadata(knownDm), notice);
            try {
                if (inModal) {
                    api.updateView(payload.getView().getId(), payload.getView().getHash(), form);
                } else {
                    api.openView(payload.getTriggerId(), form);
                }
            } catch (SlackCallFailed e) {
                boolean late = e.error().equals("expired_trigger_id") || e.error().equals("exchanged_trigger_id");
                LOG.info("Slack: form for {} not opened ({})", key.user(), e.error());
                String button = action.getText() == null ? "" : action.getText().getText();
                others.add(new Reply.Notice(late ? texts.get(SlackText.TRIGGER_EXPIRED, "button", button)
                        : texts.get(SlackText.FORM_NOT_OPENED), List.of()));
            }
        }
        if (!others.isEmpty()) {
            onLane(key, () -> deliverQuietly(key, knownDm.orElseGet(() -> dm(key)), others));
        }
    }

    /**
     * The form was sent. What the core says rides on the acknowledgement: field errors (Slack keeps what was
     * typed), or the "checking" view that the live check's report later replaces by view ID. Returns null for
     * a plain acknowledgement, which closes the modal.
     */
    ViewSubmissionResponse submit(ViewSubmissionPayload payload) {
        if (payload.getUser() == null || payload.getView() == null) {
            return null;
        }
        String user = payload.getUser().getId();
        String team = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        if (team == null || user == null || workspaces.isGone(team)) {
            return null;
        }
        SessionKey key = SessionKey.own(Platform.SLACK, team, user);
        Optional<String> knownDm = CredentialModals.dmFrom(payload.getView().getPrivateMetadata());
        String metadata = CredentialModals.metadata(knownDm);
        String viewId = payload.getView().getId();
        CredentialForm form = CredentialModals.read(payload.getView().getState() == null ? null
                : payload.getView().getState().getValues());
        Outcome outcome;
        try {
            outcome = conversations.handle(key, new Event.SubmitCredentials(new Actor(user), form));
        } catch (RuntimeException e) {
            LOG.warn("Slack: could not take the form of {} in {}: {}", user, team, describe(e));
            return update(modals.notice(texts.get(SlackText.FORM_NOT_OPENED), metadata));
        }
        ViewSubmissionResponse response = null;
        List<Reply> toDm = new ArrayList<>();
        for (Reply reply : outcome.replies()) {
            if (reply instanceof Reply.FormRejected rejected && response == null) {
                Map<String, String> errors = CredentialModals.errors(rejected.form());
                response = errors.isEmpty() ? update(modals.form(rejected.form(), metadata, Optional.empty()))
                        : ViewSubmissionResponse.builder().responseAction("errors").errors(errors).build();
            } else if (reply instanceof Reply.Checking checking && response == null) {
                response = update(modals.checking(texts.get(SlackText.MODAL_CHECKING_TITLE), checking.text(), metadata));
                toDm.add(reply);
            } else if (reply instanceof Reply.Notice notice && response == null) {
                response = update(modals.notice(notice.text(), metadata));
            } else {
                toDm.add(reply);
            }
        }
        if (!toDm.isEmpty()) {
            onLane(key, () -> deliverQuietly(key, knownDm.orElseGet(() -> dm(key)), toDm));
        }
        long acknowledged = System.nanoTime();
        conversations.followUp(outcome).thenAccept(later -> {
            if (!later.isEmpty()) {
                onLane(key, () -> {
                    awaitSlackHasTheCheckingView(acknowledged);
                    checked(key, knownDm, viewId, metadata, later);
                });
            }
        });
        return response != null ? response : ViewSubmissionResponse.builder().responseAction("clear").build();
    }

    /**
     * Slack applies the "checking" view when it reads our answer to the submission; a report sent by
     * {@code views.update} before that would be replaced by it, leaving the merchant on "checking". A check that ends
     * within {@link #REPORT_NOT_BEFORE} of the answer (a fast BigCommerce) waits out the rest.
     */
    private static void awaitSlackHasTheCheckingView(long acknowledgedNanos) {
        long left = REPORT_NOT_BEFORE.toNanos() - (System.nanoTime() - acknowledgedNanos);
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The live check ended: the report replaces the "checking" view, and the DM's step message shows it too. */
    private void checked(SessionKey key, Optional<String> knownDm, String viewId, String metadata, List<Reply> replies) {
        for (Reply reply : replies) {
            View view = null;
            if (reply instanceof Reply.ReportShown shown) {
                view = modals.report(texts.get(SlackText.MODAL_NOTICE_TITLE), shown.report(), metadata);
            } else if (reply instanceof Reply.StepShown shown && shown.view().notice().isPresent()) {
                // The check ended without a report (its result could not be stored): the modal says so too.
                view = modals.notice(shown.view().notice().get(), metadata);
            }
            if (view != null) {
                try {
                    api.updateView(viewId, null, view);
                } catch (SlackCallFailed e) {
                    // Closed already: the DM shows the same.
                    LOG.info("Slack: report view of {} not updated ({})", key.user(), e.error());
                }
            }
        }
        deliverQuietly(key, knownDm.orElseGet(() -> dm(key)), replies);
    }

    private static ViewSubmissionResponse update(View view) {
        return ViewSubmissionResponse.builder().responseAction("update").view(view).build();
    }


    /** The App Home tab was opened: show where the merchant is. */
    void homeOpened(String team, String user) {
        if (team == null || user == null || workspaces.isGone(team)) {
            return;
        }
        SessionKey key = SessionKey.own(Platform.SLACK, team, user);
        onLane(key, () -> {
            try {
                publishHome(key);
            } catch (RuntimeException e) {
                LOG.warn("Slack: could not publish App Home for {} in {}: {}", user, team, describe(e));
            }
        });
    }

    private static Optional<Event> toEvent(BlockActionPayload.Action action, Actor actor, ViewState state) {
        String id = action.getActionId() == null ? "" : action.getActionId();
        if (id.equals(BlockKit.HOME_CONTINUE)) {
            return Optional.of(new Event.Resume(actor));
        }
        if (id.equals(BlockKit.HOME_START)) {
            return Optional.of(new Event.Start(actor, null, Optional.empty()));
        }
        if (!id.startsWith(BlockKit.ACTION_PREFIX)) {
            return Optional.empty();
        }
        return ActionRef.decode(action.getValue()).map(ref ->
                ref.toEvent(actor, ref.kind() == ActionKind.NEXT ? ticked(state) : Optional.empty()));
    }

    /** The data sets ticked on the message the button was on, when it carries the checkboxes. */
    private static Optional<Set<DataSet>> ticked(ViewState state) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = state.getValues().get(BlockKit.DATA_SETS_BLOCK);
        if (block == null || !block.containsKey(BlockKit.DATA_SETS_ACTION)) {
            return Optional.empty();
        }
        Set<DataSet> sets = EnumSet.noneOf(DataSet.class);
        List<ViewState.SelectedOption> selected = block.get(BlockKit.DATA_SETS_ACTION).getSelectedOptions();
        for (ViewState.SelectedOption option : selected == null ? List.<ViewState.SelectedOption>of() : selected) {
            for (DataSet dataSet : DataSet.values()) {
                if (dataSet.name().equals(option.getValue())) {
                    sets.add(dataSet);
                }
            }
        }
        return Optional.of(sets);
    }

    private static Optional<String> clickedMessage(BlockActionPayload payload) {
        BlockActionPayload.Container container = payload.getContainer();
        if (container == null || !"message".equals(container.getType()) || container.isEphemeral()) {
            return Optional.empty();
        }
        return Optional.ofNullable(container.getMessageTs());
    }

    /**
     * Queues a command or click for the merchant's lane. One task takes every one waiting when it runs, so clicks
     * that queued up while the lane was busy are handled together: one session write, and only the newest step sent.
     */
    private void queue(SessionKey key, Waiting click) {
        AtomicBoolean first = new AtomicBoolean();
        waiting.compute(key, (k, queued) -> {
            List<Waiting> list = queued;
            if (list == null) {
                first.set(true);
                list = new ArrayList<>();
            }
            list.add(click);
            return list;
        });
        if (first.get()) {
            onLane(key, () -> act(key));
        }
    }

    /** Runs what the merchant sent since the last time, in order, and renders what the core says; after the ack. */
    private void act(SessionKey key) {
        List<Waiting> batch = new ArrayList<>();
        waiting.computeIfPresent(key, (k, queued) -> {
            batch.addAll(queued);
            return null;
        });
        List<Outcome> outcomes;
        try {
            outcomes = conversations.handleInOrder(key, batch.stream().map(Waiting::event).toList());
        } catch (RuntimeException e) {
            LOG.warn("Slack: could not answer {} in {} ({}): {}", key.user(), key.workspace(),
                    batch.stream().map(w -> w.event().getClass().getSimpleName()).toList(), describe(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            answer(key, batch.get(i), outcomes.get(i), i < batch.size() - 1);
        }
    }

    /** Renders one event's outcome; {@code newerComing}: a later event of the same batch will show its own state. */
    private void answer(SessionKey key, Waiting click, Outcome outcome, boolean newerComing) {
        try {
            String channel = click.channel() != null && click.channel().startsWith("D") ? click.channel() : dm(key);
            deliver(key, channel, outcome.replies(), click.clicked(), click.fresh(), newerComing);
            conversations.followUp(outcome).thenAccept(later -> {
                if (!later.isEmpty()) {
                    onLane(key, () -> deliverQuietly(key, channel, later));
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Slack: could not answer {} in {} ({}): {}", key.user(), key.workspace(),
                    click.event().getClass().getSimpleName(), describe(e));
        }
    }

    private void deliverQuietly(SessionKey key, String channel, List<Reply> replies) {
        try {
            deliver(key, channel, replies, Optional.empty(), false, false);
        } catch (RuntimeException e) {
            LOG.warn("Slack: could not send a follow-up to {} in {}: {}", key.user(), key.workspace(), describe(e));
        }
    }

    private String dm(SessionKey key) {
        Optional<String> known = messages.dmChannel(key.workspace(), key.merchant());
        if (known.isPresent()) {
            return known.get();
        }
        String channel = api.openDm(key.merchant());
        messages.rememberDm(key.workspace(), key.merchant(), channel);
        return channel;
    }

    private void deliver(SessionKey key, String channel, List<Reply> replies, Optional<String> clicked, boolean fresh,
                         boolean newerComing) {
        if (workspaces.isGone(key.workspace())) {
            return;
        }
        for (Reply reply : replies) {
            if (reply instanceof Reply.StepShown shown) {
                toStepMessage(key, fresh, newerComing, () -> showStep(key, channel, shown, clicked, fresh));
                shown.view().notice().ifPresent(notice -> ephemeral(key, channel, notice, kit.notice(notice, List.of())));
            } else if (reply instanceof Reply.HelpShown help) {
                ephemeral(key, channel, help.title(), kit.help(help));
            } else if (reply instanceof Reply.Notice notice) {
                ephemeral(key, channel, notice.text(), kit.notice(notice.text(), notice.actions()));
            } else if (reply instanceof Reply.Checking checking) {
                toStepMessage(key, false, newerComing, () -> showInStepMessage(key, channel,
                        BlockKit.cut(Markup.plain(checking.text()), BlockKit.FALLBACK_TEXT_MAX),
                        kit.notice(":hourglass_flowing_sand: " + checking.text(), List.of()), Optional.empty(), false));
            } else if (reply instanceof Reply.ReportShown shown) {
                toStepMessage(key, false, newerComing, () -> showInStepMessage(key, channel, CredentialModals.reportFallback(shown.report()),
                        modals.reportBlocks(shown.report()), Optional.empty(), false));
            } else {
                // Not a switch on purpose: a reply kind the core gains before Slack renders it is reported, not a crash.
                LOG.warn("Slack: no rendering yet for {}; {} in {} sees nothing for it",
                        reply.getClass().getSimpleName(), key.user(), key.workspace());
            }
        }
    }

    /** Runs {@code work} on the merchant's lane; the merchant's last queued task sends what earlier ones left unsent. */
    private void onLane(SessionKey key, Runnable work) {
        executor.run(key, () -> {
            try {
                work.run();
            } finally {
                if (!executor.hasQueued(key)) {
                    sendUnsent(key);
                }
            }
        });
    }

    /**
     * Writes the step message now, or leaves it for later when a newer state is coming (a later event of the same
     * batch, or a task of the merchant's queued behind this one): it would replace this one a moment after Slack
     * showed it. A new message ({@code fresh}) is always posted, after the old one got its last state.
     */
    private void toStepMessage(SessionKey key, boolean fresh, boolean newerComing, Runnable send) {
        if (!fresh && (newerComing || executor.hasQueued(key))) {
            unsent.put(key, send);
            return;
        }
        if (fresh) {
            sendUnsent(key);
        } else {
            unsent.remove(key);
        }
        send.run();
    }

    /** Sends the step message state left for later, if any, so that what is sent next comes after it. */
    private void sendUnsent(SessionKey key) {
        Runnable send = unsent.remove(key);
        if (send == null || workspaces.isGone(key.workspace())) {
            return;
        }
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.warn("Slack: could not update the step message of {} in {}: {}", key.user(), key.workspace(), describe(e));
        }
    }

    private void showStep(SessionKey key, String channel, Reply.StepShown shown, Optional<String> clicked, boolean fresh) {
        try {
            showInStepMessage(key, channel, BlockKit.stepFallback(shown.view()), kit.step(shown.view()), clicked, fresh);
        } catch (SlackCallFailed e) {
            // A freshly uploaded picture Slack does not take yet: show the step with the picture described instead.
            if (!e.error().equals("invalid_blocks") || !pictures.refused(shown.view().picture().file())) {
                throw e;
            }
            showInStepMessage(key, channel, BlockKit.stepFallback(shown.view()), kit.step(shown.view()), clicked, fresh);
        }
    }

    /** The one DM message that shows where the merchant is: a step, the check running, or its report. */
    private void showInStepMessage(SessionKey key, String channel, String text, List<LayoutBlock> blocks,
                                   Optional<String> clicked, boolean fresh) {
        if (!fresh) {
            Optional<StepMessages.MessageRef> target = messages.current(key)
                    .or(() -> clicked.map(ts -> new StepMessages.MessageRef(channel, ts)));
            if (target.isPresent()) {
                try {
                    api.update(target.get().channel(), target.get().ts(), text, blocks);
                    messages.remember(key, target.get());
                    return;
                } catch (SlackCallFailed e) {
                    if (e.error().equals("invalid_blocks") || e.outage()) {
                        // An outage: a new message might fail the same way, or leave two step messages once Slack is back.
                        throw e;
                    }
                    // Deleted, too old, or in a channel we lost: a new message becomes the step message.
                    LOG.info("Slack: step message of {} could not be updated ({}); posting it anew", key.user(), e.error());
                    messages.forget(key);
                }
            }
        }
        String ts = api.post(channel, text, blocks);
        messages.remember(key, new StepMessages.MessageRef(channel, ts));
    }

    private void ephemeral(SessionKey key, String channel, String fallback, List<LayoutBlock> blocks) {
        sendUnsent(key);
        try {
            api.postEphemeral(channel, key.merchant(), BlockKit.cut(Markup.plain(fallback), BlockKit.FALLBACK_TEXT_MAX), blocks);
        } catch (SlackCallFailed e) {
            // A lost notice is not worth failing the step for.
            LOG.info("Slack: notice to {} not shown ({})", key.user(), e.error());
        }
    }

    private void publishHome(SessionKey key) {
        Optional<Session> session = conversations.find(key);
        String status;
        boolean active = session.isPresent() && session.get().status() != Status.CANCELLED;
        if (session.isEmpty()) {
            status = texts.get(SlackText.HOME_NONE);
        } else if (!active) {
            status = texts.get(SlackText.HOME_CANCELLED);
        } else if (session.get().status() == Status.READY) {
            status = texts.get(SlackText.HOME_READY);
        } else {
            Flow flow = flows.forLocale(session.get().locale());
            int number = session.get().step() + 1;
            String progress = flow.text(Text.PROGRESS, "number", Integer.toString(number), "total", Integer.toString(flow.size()));
            status = texts.get(SlackText.HOME_AT, "progress", Mrkdwn.escape(progress),
                    "title", Mrkdwn.escape(Markup.plain(flow.step(session.get().step()).title())));
        }
        api.publishHome(key.merchant(), kit.home(status, active));
    }

    static String describe(RuntimeException e) {
        return e instanceof SlackCallFailed failed ? failed.getMessage() : e.getClass().getSimpleName();
    }
}
