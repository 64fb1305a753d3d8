package dev.bcsetup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.block.LayoutBlock;
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
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Flow;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.flow.Markup;
import dev.bcsetup.flow.Text;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack payloads to core events, core replies to Slack messages. The request thread only reads the payload
 * and queues the work, so Slack is acknowledged at once; the queued work runs the conversation and posts.
 * The step lives in one DM message updated in place; help and notices are ephemeral, so it stays clean.
 */
final class SlackConversation {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConversation.class);

    private final Conversations conversations;
    private final FlowLibrary flows;
    private final SlackWebApi api;
    private final BlockKit kit;
    private final Workspaces workspaces;
    private final StepMessages messages;
    private final SerialExecutor executor;

    SlackConversation(Conversations conversations, FlowLibrary flows, SlackWebApi api, BlockKit kit,
                      Workspaces workspaces, StepMessages messages, SerialExecutor executor) {
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
            return Optional.of(SlackTexts.USAGE);
        }
        String team = payload.getTeamId();
        if (workspaces.isGone(team)) {
            return Optional.empty();
        }
        SessionKey key = SessionKey.own(Platform.SLACK, team, payload.getUserId());
        boolean fresh = event.get() instanceof Event.Start || event.get() instanceof Event.Resume;
        executor.run(key, () -> act(key, null, event.get(), Optional.empty(), fresh));
        boolean typedInOurDm = messages.dmChannel(team, payload.getUserId())
                .map(dm -> dm.equals(payload.getChannelId())).orElse(false);
        return typedInOurDm ? Optional.empty() : Optional.of(SlackTexts.DM_POINTER);
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
            if (event.isPresent()) {
                String channel = payload.getChannel() != null ? payload.getChannel().getId() : null;
                Optional<String> clicked = clickedMessage(payload);
                boolean fresh = event.get() instanceof Event.Start || event.get() instanceof Event.Resume;
                executor.run(key, () -> act(key, channel, event.get(), clicked, fresh));
                return;
            }
        }
    }

    /** The App Home tab was opened: show where the merchant is. */
    void homeOpened(String team, String user) {
        if (team == null || user == null || workspaces.isGone(team)) {
            return;
        }
        SessionKey key = SessionKey.own(Platform.SLACK, team, user);
        executor.run(key, () -> {
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

    /** Runs one event and renders what the core says; on the merchant's serial lane, after the ack. */
    private void act(SessionKey key, String knownChannel, Event event, Optional<String> clicked, boolean fresh) {
        try {
            Outcome outcome = conversations.handle(key, event);
            String channel = knownChannel != null && knownChannel.startsWith("D") ? knownChannel : dm(key);
            deliver(key, channel, outcome.replies(), clicked, fresh);
            conversations.followUp(outcome).thenAccept(later -> {
                if (!later.isEmpty()) {
                    executor.run(key, () -> deliverQuietly(key, channel, later));
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Slack: could not answer {} in {} ({}): {}", key.user(), key.workspace(),
                    event.getClass().getSimpleName(), describe(e));
        }
    }

    private void deliverQuietly(SessionKey key, String channel, List<Reply> replies) {
        try {
            deliver(key, channel, replies, Optional.empty(), false);
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

    private void deliver(SessionKey key, String channel, List<Reply> replies, Optional<String> clicked, boolean fresh) {
        if (workspaces.isGone(key.workspace())) {
            return;
        }
        for (Reply reply : replies) {
            if (reply instanceof Reply.StepShown shown) {
                showStep(key, channel, shown, clicked, fresh);
                shown.view().notice().ifPresent(notice -> ephemeral(key, channel, notice, kit.notice(notice, List.of())));
            } else if (reply instanceof Reply.HelpShown help) {
                ephemeral(key, channel, help.title(), kit.help(help));
            } else if (reply instanceof Reply.Notice notice) {
                ephemeral(key, channel, notice.text(), kit.notice(notice.text(), notice.actions()));
            } else {
                // Not a switch on purpose: a reply kind the core gains before Slack renders it is reported, not a crash.
                LOG.warn("Slack: no rendering yet for {}; {} in {} sees nothing for it",
                        reply.getClass().getSimpleName(), key.user(), key.workspace());
            }
        }
    }

    private void showStep(SessionKey key, String channel, Reply.StepShown shown, Optional<String> clicked, boolean fresh) {
        List<LayoutBlock> blocks = kit.step(shown.view());
        String text = BlockKit.stepFallback(shown.view());
        if (!fresh) {
            Optional<StepMessages.MessageRef> target = messages.current(key)
                    .or(() -> clicked.map(ts -> new StepMessages.MessageRef(channel, ts)));
            if (target.isPresent()) {
                try {
                    api.update(target.get().channel(), target.get().ts(), text, blocks);
                    messages.remember(key, target.get());
                    return;
                } catch (SlackCallFailed e) {
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
            status = SlackTexts.HOME_NONE;
        } else if (!active) {
            status = SlackTexts.HOME_CANCELLED;
        } else if (session.get().status() == Status.READY) {
            status = SlackTexts.HOME_READY;
        } else {
            Flow flow = flows.forLocale(session.get().locale());
            int number = session.get().step() + 1;
            String progress = flow.text(Text.PROGRESS, "number", Integer.toString(number), "total", Integer.toString(flow.size()));
            status = String.format(SlackTexts.HOME_AT, Mrkdwn.escape(progress),
                    Mrkdwn.escape(Markup.plain(flow.step(session.get().step()).title())));
        }
        api.publishHome(key.merchant(), kit.home(status, active));
    }

    static String describe(RuntimeException e) {
        return e instanceof SlackCallFailed failed ? failed.getMessage() : e.getClass().getSimpleName();
    }
}
