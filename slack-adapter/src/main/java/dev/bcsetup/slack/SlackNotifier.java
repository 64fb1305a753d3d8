package dev.bcsetup.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.bcsetup.conversation.Effect;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.Markup;
import dev.bcsetup.notify.EngineerNotifier;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts engineer notifications to the engineers' Slack channel ({@code HANDOFF_SLACK_CHANNEL}). One method
 * per kind of notification, each building its own message; the hand-off (with Reveal and Mark received)
 * will be the next.
 */
public final class SlackNotifier implements EngineerNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);

    private final SlackWebApi api;
    private final String channel;
    private final Workspaces workspaces;
    private final SlackTexts texts;

    SlackNotifier(SlackWebApi api, String channel, Workspaces workspaces, SlackTexts texts) {
        this.texts = texts;
        this.api = api;
        this.channel = channel;
        this.workspaces = workspaces;
    }

    @Override
    public void merchantStuck(Effect.Escalate request) {
        SessionKey key = request.key();
        if (key.platform() == Platform.SLACK && workspaces.isGone(key.workspace())) {
            LOG.info("Help request from {} not posted: the app was removed from workspace {}", key.merchant(), key.workspace());
            return;
        }
        String title = Markup.plain(request.stepTitle());
        String merchant = person(key, key.merchant());
        String number = Integer.toString(request.stepNumber());
        String text = texts.get(SlackText.STUCK_FALLBACK, "merchant", merchant, "number", number, "title", title,
                "workspace", key.workspace());
        String agent = key.agent().map(a -> texts.get(SlackText.STUCK_AGENT, "agent", person(key, a))).orElse("");
        String platform = key.platform().name().charAt(0) + key.platform().name().substring(1).toLowerCase(Locale.ROOT);
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(BlockKit.cut(texts.get(SlackText.STUCK_TEXT, "merchant", merchant,
                        "agent", agent, "number", number, "title", Mrkdwn.escape(title)), BlockKit.SECTION_TEXT_MAX)))),
                context(c -> c.elements(List.of(markdownText(BlockKit.cut(texts.get(SlackText.STUCK_CONTEXT,
                        "workspace", Mrkdwn.escape(key.workspace()), "platform", platform), BlockKit.SECTION_TEXT_MAX))))));
        post(text, blocks);
    }

    private void post(String text, List<LayoutBlock> blocks) {
        try {
            api.post(channel, BlockKit.cut(text, BlockKit.FALLBACK_TEXT_MAX), blocks);
        } catch (SlackCallFailed e) {
            LOG.warn("Could not post to the engineers' Slack channel {}: {}", channel, e.error());
            throw e;
        }
    }

    /** A Slack user as a mention engineers can click; people on other platforms by their ID. */
    private static String person(SessionKey key, String id) {
        return key.platform() == Platform.SLACK && id.matches("[UW][A-Z0-9]{2,30}") ? "<@" + id + ">" : "`" + Mrkdwn.escape(id) + "`";
    }
}
