package dev.bcsetup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.bcsetup.conversation.Action;
import dev.bcsetup.conversation.ActionKind;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Conversation;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.StepView;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every step, in both directions, drawn as Block Kit within Slack's limits; the checker itself catches mistakes. */
class BlockKitTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor MERCHANT = new Actor("U0MERCHANT1");
    private static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T0ACME001", MERCHANT.id());

    private final BlockKit kit = new BlockKit(Optional.of(URI.create("https://bot.example.com")), SlackTexts.english());

    private static JsonNode json(List<LayoutBlock> blocks) throws Exception {
        return JSON.readTree(GSON.toJson(blocks));
    }

    /** The view of every step, walking the real conversation. */
    private static List<StepView> everyStep(Direction direction) {
        Conversation conversation = new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7));
        List<StepView> views = new ArrayList<>();
        Optional<Session> session = Optional.empty();
        Outcome outcome = conversation.handle(KEY, session, new Event.Start(MERCHANT, null, Optional.of(direction)));
        for (int step = 0; step < 7; step++) {
            views.add(((Reply.StepShown) outcome.replies().get(0)).view());
            session = outcome.session();
            outcome = conversation.handle(KEY, session, new Event.Next(MERCHANT, step));
        }
        return views;
    }

    @Test
    void drawsEveryStepWithinSlacksLimits() throws Exception {
        for (Direction direction : Direction.values()) {
            for (StepView view : everyStep(direction)) {
                JsonNode blocks = json(kit.step(view));
                assertThat(BlockKitLimits.message(BlockKit.stepFallback(view), blocks)).as(view.stepId()).isEmpty();
                assertThat(blocks.toString()).contains("\"image_url\":\"https://bot.example.com/assets/" + view.picture().file())
                        .contains(view.progress());
            }
        }
    }

    @Test
    void theFirstStepCarriesDirectionButtonsAndTickedDataSets() throws Exception {
        JsonNode blocks = json(kit.step(everyStep(Direction.FROM_BIGCOMMERCE).get(0)));
        String text = blocks.toString();
        assertThat(text).contains("\"action_id\":\"bc.choose_direction:0:FROM_BIGCOMMERCE\"").contains("✓ Out of BigCommerce")
                .contains("\"block_id\":\"data_sets\"").contains("\"initial_options\"");
    }

    @Test
    void withoutAPublicUrlThePictureIsDescribedInText() throws Exception {
        StepView view = everyStep(Direction.TO_BIGCOMMERCE).get(2);
        JsonNode blocks = json(new BlockKit(Optional.empty(), SlackTexts.english()).step(view));
        assertThat(blocks.toString()).doesNotContain("image_url").contains("Picture:");
        assertThat(BlockKitLimits.message("x", blocks)).isEmpty();
    }

    @Test
    void cutsOverlongTextsToSlacksLimits() throws Exception {
        String longParagraph = "word ".repeat(1000);
        StepView view = everyStep(Direction.TO_BIGCOMMERCE).get(1);
        StepView huge = new StepView(view.stepId(), view.kind(), view.index(), view.number(), view.total(), view.progress(),
                "T".repeat(400), longParagraph + "\n\n" + longParagraph + "\n\n- **" + longParagraph + "**",
                view.picture(), view.migration(), view.scopes(),
                List.of(new Action(new ActionRef(ActionKind.NEXT, 1), "N".repeat(200), Action.Style.PRIMARY)), view.notice());
        assertThat(BlockKitLimits.message(BlockKit.stepFallback(huge), json(kit.step(huge)))).isEmpty();
        assertThat(BlockKitLimits.message("x", json(kit.help(new Reply.HelpShown("Help", longParagraph.repeat(3)))))).isEmpty();
    }

    @Test
    void rendersTheFlowMarkupAsMrkdwn() {
        assertThat(Mrkdwn.of("Open **Settings** & then <Advanced>.\n\n- one\n- **two** "))
                .isEqualTo("Open *Settings* &amp; then &lt;Advanced&gt;.\n\n• one\n• *two*");
    }

    @Test
    void theCheckerCatchesWhatSlackRefuses() throws Exception {
        JsonNode bad = JSON.readTree("""
                [{"type":"section","text":{"type":"mrkdwn","text":"%s"}},
                 {"type":"image","image_url":"https://x/y.png","alt_text":" "},
                 {"type":"actions","elements":[
                   {"type":"button","action_id":"a","text":{"type":"plain_text","text":"%s"},"value":"v"},
                   {"type":"button","action_id":"a","text":{"type":"mrkdwn","text":"ok"},"value":"%s"}]}]
                """.formatted("s".repeat(3001), "b".repeat(76), "v".repeat(2001)));
        assertThat(BlockKitLimits.message("x", bad)).hasSize(6);
        JsonNode modal = JSON.readTree("{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"" + "t".repeat(25) + "\"},\"blocks\":[]}");
        assertThat(BlockKitLimits.view(modal)).containsExactly("modal title must be plain_text of 1 to 24 characters");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"divider\"}");
        }
        assertThat(BlockKitLimits.message("x", JSON.readTree(many + "]"))).hasSize(1);
    }
}
