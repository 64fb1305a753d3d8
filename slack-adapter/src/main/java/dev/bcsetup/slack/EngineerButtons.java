package dev.bcsetup.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.EngineerActions;
import dev.bcsetup.handoff.MarkResult;
import dev.bcsetup.handoff.RevealResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reveal and Mark received in the engineers' channel. Reveal opens a private modal at once with the click's
 * trigger (it expires in 3 seconds), then fills it with the secret or the refusal the core decides on; Mark
 * received tells the core and, when it accepts, replaces the buttons with who received the credentials.
 */
final class EngineerButtons {

    private static final Logger LOG = LoggerFactory.getLogger(EngineerButtons.class);

    private final Optional<EngineerActions> actions;
    private final EngineerGroups groups;
    private final SlackWebApi api;
    private final HandOffBlocks blocks;
    private final SlackTexts texts;
    private final SerialExecutor executor;

    EngineerButtons(Optional<EngineerActions> actions, EngineerGroups groups, SlackWebApi api, HandOffBlocks blocks,
                    SlackTexts texts, SerialExecutor executor) {
        this.actions = actions;
        this.groups = groups;
        this.api = api;
        this.blocks = blocks;
        this.texts = texts;
        this.executor = executor;
    }

    static boolean handles(String actionId) {
        return HandOffBlocks.REVEAL.equals(actionId) || HandOffBlocks.RECEIVED.equals(actionId);
    }

    /** On the request thread: only the modal is opened here, everything slower runs after the acknowledgement. */
    void clicked(BlockActionPayload payload, BlockActionPayload.Action action) {
        if (payload.getUser() == null || action.getValue() == null) {
            return;
        }
        String user = payload.getUser().getId();
        String team = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        String handOffId = action.getValue();
        String channel = payload.getChannel() != null ? payload.getChannel().getId() : null;
        if (HandOffBlocks.REVEAL.equals(action.getActionId())) {
            View loading;
            try {
                loading = api.openView(payload.getTriggerId(), blocks.loading());
            } catch (SlackCallFailed e) {
                LOG.info("Slack: reveal modal for {} not opened ({})", user, e.error());
                return;
            }
            executor.run(user, () -> reveal(team, user, handOffId, loading.getId()));
        } else {
            executor.run(user, () -> markReceived(team, user, handOffId, channel, payload));
        }
    }

    private void reveal(String team, String user, String handOffId, String viewId) {
        View view;
        if (actions.isEmpty()) {
            view = blocks.message(texts.get(SlackText.ENGINEER_ACTIONS_UNAVAILABLE));
        } else {
            RevealResult result;
            try {
                result = actions.get().reveal(handOffId, engineer(team, user));
            } catch (RuntimeException e) {
                LOG.warn("Slack: reveal of hand-off {} by {} failed: {}", handOffId, user, e.getClass().getSimpleName());
                result = new RevealResult.Unknown();
            }
            if (result instanceof RevealResult.Revealed revealed) {
                view = blocks.revealed(revealed.reference(), revealed.credentials());
            } else if (result instanceof RevealResult.Refused) {
                view = blocks.message(texts.get(SlackText.REVEAL_REFUSED));
            } else if (result instanceof RevealResult.Gone gone) {
                view = blocks.message(texts.get(SlackText.REVEAL_GONE, "why", Mrkdwn.escape(String.valueOf(gone.why()))));
            } else {
                view = blocks.message(texts.get(SlackText.REVEAL_UNKNOWN));
            }
            LOG.info("Slack: reveal of hand-off {} by {} in {}: {}", handOffId, user, team, result.getClass().getSimpleName());
        }
        try {
            api.updateView(viewId, null, view);
        } catch (SlackCallFailed e) {
            LOG.info("Slack: reveal modal for {} not filled ({})", user, e.error());
        }
    }

    private void markReceived(String team, String user, String handOffId, String channel, BlockActionPayload payload) {
        try {
            if (actions.isEmpty()) {
                tell(channel, user, texts.get(SlackText.ENGINEER_ACTIONS_UNAVAILABLE));
                return;
            }
            MarkResult result = actions.get().markReceived(handOffId, engineer(team, user));
            LOG.info("Slack: mark received of hand-off {} by {} in {}: {}", handOffId, user, team, result.getClass().getSimpleName());
            if (result instanceof MarkResult.Marked) {
                showReceived(channel, user, payload);
            } else if (result instanceof MarkResult.AlreadyReceived already) {
                tell(channel, user, texts.get(SlackText.RECEIVED_ALREADY, "engineer", receivedBy(already.by())));
            } else if (result instanceof MarkResult.Refused) {
                tell(channel, user, texts.get(SlackText.RECEIVED_REFUSED));
            } else if (result instanceof MarkResult.Gone gone) {
                tell(channel, user, texts.get(SlackText.RECEIVED_GONE, "why", Mrkdwn.escape(String.valueOf(gone.why()))));
            } else {
                tell(channel, user, texts.get(SlackText.REVEAL_UNKNOWN));
            }
        } catch (SlackCallFailed e) {
            LOG.info("Slack: mark received of hand-off {} by {} not shown ({})", handOffId, user, e.error());
        } catch (RuntimeException e) {
            LOG.warn("Slack: mark received of hand-off {} by {} failed: {}", handOffId, user, e.getClass().getSimpleName());
        }
    }

    /** The channel message loses its buttons and says who received the credentials. */
    private void showReceived(String channel, String user, BlockActionPayload payload) {
        if (payload.getMessage() == null || payload.getMessage().getBlocks() == null) {
            return;
        }
        List<LayoutBlock> received = new ArrayList<>();
        for (LayoutBlock block : payload.getMessage().getBlocks()) {
            if (!(block instanceof ActionsBlock actionsBlock && HandOffBlocks.ACTIONS_BLOCK.equals(actionsBlock.getBlockId()))) {
                received.add(block);
            }
        }
        String by = texts.get(SlackText.RECEIVED_BY, "engineer", "<@" + user + ">");
        received.add(context(c -> c.elements(List.of(markdownText(by)))));
        String text = payload.getMessage().getText() == null ? by : payload.getMessage().getText();
        api.update(channel, payload.getMessage().getTs(), BlockKit.cut(text, BlockKit.FALLBACK_TEXT_MAX), received);
    }

    /** The core records who as {@code PLATFORM:userId}; a Slack user becomes a mention. */
    private static String receivedBy(String by) {
        if (by != null && by.startsWith(Platform.SLACK.name() + ":")) {
            return HandOffBlocks.person(Platform.SLACK, by.substring(Platform.SLACK.name().length() + 1));
        }
        return HandOffBlocks.person(Platform.TEAMS, by);
    }

    private void tell(String channel, String user, String text) {
        api.postEphemeral(channel, user, BlockKit.cut(text, BlockKit.FALLBACK_TEXT_MAX),
                List.of(context(c -> c.elements(List.of(markdownText(BlockKit.cut(text, BlockKit.SECTION_TEXT_MAX)))))));
    }

    private Engineer engineer(String team, String user) {
        return new Engineer(Platform.SLACK, team, user, groups.of(user));
    }
}
