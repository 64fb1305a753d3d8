package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merchant clicking faster than Slack takes the updates (here: Slack answers 429 twice, so the merchant's
 * lane waits about 2 s): every click is acted on, the step message state a later click replaces is never sent,
 * the newest is, and what the merchant sees arrives in the order of the clicks.
 */
class SlackQuickClicksTest {

    @TempDir
    static Path dataDir;

    private static final String TEAM = FakeSlackApi.TEAM;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeSlackApi slack;
    private static BotServer server;
    private static SlackRequests requests;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        server = BotServer.start(TestConfig.slack(dataDir, slack.url()), Clock.systemUTC());
        requests = new SlackRequests(SlackJourneyTest.SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
        assertThat(slack.problems()).isEmpty();
    }

    @Test
    void clicksQueuedBehindARateLimitedUpdateSendOnlyTheNewestStepAndLoseNothing() {
        String merchant = "U0QUICK0001";
        String ts = stepOneOf(merchant);
        int mark = slackIsBusyAfter(merchant, ts);

        // Queued while the lane waits out Retry-After: each one moves the setup on, and each is acknowledged at once.
        assertThat(click(merchant, ts, "next:0", "PRODUCTS")).isEqualTo(200);
        assertThat(click(merchant, ts, "next:1")).isEqualTo(200);
        assertThat(click(merchant, ts, "next:2")).isEqualTo(200);
        assertThat(click(merchant, ts, "next:3")).isEqualTo(200);
        // The help comes last on the lane: once it is shown, everything the clicks led to has been sent.
        assertThat(click(merchant, ts, "help:4")).isEqualTo(200);
        slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("text").startsWith("Help:"), "the help");

        List<Call> updates = slack.calls().subList(mark, slack.calls().size()).stream()
                .filter(c -> c.method().equals("chat.update")).toList();
        assertThat(updates.stream().filter(c -> !c.ok())).as("the two refused by the rate limit").hasSize(2);
        List<Call> shown = updates.stream().filter(Call::ok).toList();
        assertThat(shown).as("the direction (retried after the 429s), then only the newest step").hasSize(2);
        assertThat(shown.get(0).blocksText()).contains("Step 1 of 7").contains("✓ Into BigCommerce");
        assertThat(shown.get(1).blocksText()).contains("Step 5 of 7");
        assertThat(shown).allMatch(c -> c.param("ts").equals(ts));
    }

    @Test
    void aNoticeOrANewMessageComesAfterTheUpdateItFollows() {
        String merchant = "U0QUICK0002";
        String ts = stepOneOf(merchant);
        int mark = slackIsBusyAfter(merchant, ts);

        click(merchant, ts, "next:0", "ORDERS");
        click(merchant, ts, "help:1");
        click(merchant, ts, "next:1");
        click(merchant, ts, "next:2");
        requests.slashCommand(TEAM, merchant, "C0GENERAL01", "status");
        Call resumed = slack.await(mark, c -> c.method().equals("chat.postMessage") && c.ok(), "the status, posted anew");

        List<Call> after = slack.calls().subList(mark, slack.calls().size());
        int stepTwo = indexOf(after, c -> c.ok() && c.method().equals("chat.update") && c.blocksText().contains("Step 2 of 7"));
        int help = indexOf(after, c -> c.method().equals("chat.postEphemeral") && c.param("text").startsWith("Help:"));
        int stepFour = indexOf(after, c -> c.ok() && c.method().equals("chat.update") && c.blocksText().contains("Step 4 of 7"));
        int posted = after.indexOf(resumed);
        assertThat(stepTwo).as("step 2, shown before its help").isNotNegative().isLessThan(help);
        assertThat(stepFour).as("the old message's last state, before the new message").isGreaterThan(help).isLessThan(posted);
        assertThat(after.get(stepFour).param("ts")).isEqualTo(ts);
        assertThat(after).as("step 3, replaced before it was sent").noneMatch(c -> c.blocksText().contains("Step 3 of 7"));
        assertThat(resumed.blocksText()).contains("Step 4 of 7");
    }

    @Test
    void anUpdateLeftForALaterTaskIsSentWhenThatTaskShowsNoStep() {
        String merchant = "U0QUICK0003";
        String ts = stepOneOf(merchant);
        int mark = slackIsBusyAfter(merchant, ts);

        click(merchant, ts, "next:0", "PRODUCTS");
        // Opening App Home queues behind the click and shows nothing in the DM: the click's step must still go out.
        assertThat(requests.event("Ev0QUICK3", TEAM, SlackRequests.appHomeOpened(merchant), 0).statusCode()).isEqualTo(200);
        Call stepTwo = slack.await(mark, c -> c.ok() && c.method().equals("chat.update") && c.blocksText().contains("Step 2 of 7"),
                "step 2");
        assertThat(stepTwo.param("ts")).isEqualTo(ts);
        List<Call> after = slack.calls().subList(mark, slack.calls().size());
        assertThat(indexOf(after, c -> c.method().equals("views.publish"))).as("App Home, published first")
                .isNotNegative().isLessThan(after.indexOf(stepTwo));
    }

    /** The merchant starts the guide; returns the ts of the step message. */
    private static String stepOneOf(String merchant) {
        int mark = slack.calls().size();
        requests.slashCommand(TEAM, merchant, "C0GENERAL01", "");
        return slack.await(mark, c -> c.method().equals("chat.postMessage") && dm(merchant).equals(c.param("channel"))
                && c.blocksText().contains("Step 1 of 7"), "step 1").param("ts");
    }

    /**
     * The merchant picks a direction and Slack answers that update with 429 twice: returns the call count from before
     * the click, once the first 429 is answered, so the merchant's lane is waiting out Retry-After (1 s, twice).
     */
    private static int slackIsBusyAfter(String merchant, String ts) {
        slack.rateLimitNext("chat.update", 1);
        slack.rateLimitNext("chat.update", 1);
        int mark = slack.calls().size();
        assertThat(click(merchant, ts, "choose_direction:0:TO_BIGCOMMERCE")).isEqualTo(200);
        slack.await(mark, c -> c.method().equals("chat.update") && !c.ok(), "the rate-limited update");
        return mark;
    }

    /** A click on a button of the merchant's step message, shaped as Slack sends it. */
    private static int click(String merchant, String ts, String value, String... ticked) {
        ObjectNode button = JSON.createObjectNode().put("type", "button").put("action_id", "bc." + value).put("value", value);
        button.putObject("text").put("type", "plain_text").put("text", value);
        ArrayNode blocks = JSON.createArrayNode();
        if (ticked.length > 0) {
            blocks.addObject().put("type", "actions").put("block_id", "data_sets").putArray("elements").addObject()
                    .put("type", "checkboxes").put("action_id", "data_sets");
        }
        blocks.addObject().put("type", "actions").put("block_id", "nav").putArray("elements").add(button);
        return requests.blockAction(TEAM, merchant, dm(merchant), ts, "nav", button, blocks, List.of(ticked)).statusCode();
    }

    private static String dm(String merchant) {
        return "D" + merchant.substring(1);
    }

    private static int indexOf(List<Call> calls, Predicate<Call> wanted) {
        for (int i = 0; i < calls.size(); i++) {
            if (wanted.test(calls.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
