package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * From the merchant's modal to the engineers' channel, end to end over HTTP with signed requests: valid
 * credentials become a hand-off, the outbox posts it to HANDOFF_SLACK_CHANNEL with masked values, Reveal
 * shows the secret in a private modal to ENGINEERS (a user ID, and a user group's member) and refuses anyone
 * else, Mark received goes through the real hand-off service. The token reaches Slack only inside the
 * engineers' reveal modals, and no log line at DEBUG.
 */
class SlackHandOffTest {

    @TempDir
    static Path dataDir;

    static final String TOKEN = SlackCredentialFormTest.TOKEN;
    static final String CLIENT_ID = SlackCredentialFormTest.CLIENT_ID;
    static final String API_PATH = SlackCredentialFormTest.API_PATH;
    static final String TEAM = FakeSlackApi.TEAM;
    static final String MERCHANT = "U0MERCHANT5";
    static final String CHANNEL = "C0ENGINEERS";
    static final String ENGINEER = "U0ENGINEER1";
    static final String GROUP = "S0MIGRATE01";
    static final String GROUP_MEMBER = "U0GROUPENG1";
    static final String STRANGER = "U0STRANGER1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeSlackApi slack;
    private FakeBigCommerce bigCommerce;
    private BotServer server;
    private SlackRequests requests;
    private ListAppender<ILoggingEvent> logs;
    private Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        logs = new ListAppender<>();
        logs.start();
        rootLevel = root().getLevel();
        root().setLevel(Level.DEBUG);
        root().addAppender(logs);
        Map<Scope, Access> modify = FakeBigCommerce.everyScope(Access.MODIFY);
        bigCommerce = FakeBigCommerce.start().store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", modify);
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01", CHANNEL);
        slack.group(GROUP, "migration-team", GROUP_MEMBER);
        server = BotServer.start(TestConfig.local(Files.createTempDirectory(dataDir, "run"),
                "PUBLIC_BASE_URL", "https://bot.example.com",
                "BIND_ADDRESS", "127.0.0.1",
                "SLACK_BOT_TOKEN", SlackJourneyTest.BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SlackJourneyTest.SIGNING_SECRET,
                "SLACK_API_URL", slack.url(),
                "HANDOFF_SLACK_CHANNEL", CHANNEL,
                "ENGINEERS", ENGINEER + "," + GROUP,
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()), Clock.systemUTC());
        requests = new SlackRequests(SlackJourneyTest.SIGNING_SECRET,
                URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
    }

    @AfterEach
    void stop() {
        server.close();
        slack.close();
        bigCommerce.close();
        root().detachAppender(logs);
        root().setLevel(rootLevel);
        assertThat(slack.problems()).as("payloads Slack would refuse").isEmpty();
        for (Call call : slack.calls()) {
            boolean revealModal = call.method().equals("views.update") && call.json("view").path("callback_id").asText().equals("bc.reveal");
            if (!revealModal) {
                assertThat(call.params().toString()).as(call.method() + " sent to Slack").doesNotContain(TOKEN);
            }
        }
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).as("log line").doesNotContain(TOKEN).doesNotContain(SlackJourneyTest.BOT_TOKEN);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The merchant sends valid credentials through the modal; returns the hand-off as posted to the engineers. */
    private Call handedOff() throws Exception {
        SlackWalk walk = new SlackWalk(slack, requests, TEAM, MERCHANT);
        Call step = walk.toLastStep(List.of("PRODUCTS", "ORDERS"));
        int mark = slack.calls().size();
        JsonNode form = walk.openForm(step);
        JsonNode ack = JSON.readTree(requests.submitView(TEAM, MERCHANT, form, Map.of(
                "api_path", API_PATH, "client_id", CLIENT_ID, "access_token", TOKEN)).body());
        assertThat(ack.path("response_action").asText()).isEqualTo("update");
        slack.acknowledgedWithUpdate(form.path("id").asText(), ack.path("view"));
        Call success = slack.await(mark, c -> c.method().equals("views.update") && c.ok() && c.blocksText().contains("All set"),
                "the success view");
        Call posted = slack.await(mark, c -> c.ok() && c.method().equals("chat.postMessage") && c.param("channel").equals(CHANNEL)
                && c.blocksText().contains("handoff.reveal"), "the hand-off in the engineers' channel");
        // The merchant's receipt and the engineers' message name the same reference.
        Matcher reference = Pattern.compile("BC-[A-Z0-9]{4}-[A-Z0-9]{4}").matcher(success.blocksText());
        assertThat(reference.find()).as("a reference on the success view").isTrue();
        assertThat(posted.blocksText()).contains(reference.group());
        return posted;
    }

    private Call reveal(Call notice, String who) {
        int mark = slack.calls().size();
        requests.clickAction(TEAM, who, notice, "handoff.reveal");
        slack.await(mark, c -> c.method().equals("views.open") && c.ok(), "the private modal for " + who);
        return slack.await(mark, c -> c.method().equals("views.update") && c.ok()
                && c.json("view").path("callback_id").asText().equals("bc.reveal"), "the reveal answer for " + who);
    }

    @Test
    void aValidatedHandOffIsPostedMaskedAndRevealedOnlyToEngineers() throws Exception {
        Call notice = handedOff();
        assertThat(notice.blocksText()).contains("Plant Parlour").contains("plantparlour.example").contains("abc123")
                .contains("Into BigCommerce").contains("<@" + MERCHANT + ">").doesNotContain(TOKEN).doesNotContain(CLIENT_ID);
        assertThat(notice.param("text")).doesNotContain(TOKEN);

        assertThat(reveal(notice, ENGINEER).blocksText()).contains(TOKEN).contains(CLIENT_ID).contains(API_PATH);
        assertThat(reveal(notice, GROUP_MEMBER).blocksText()).contains(TOKEN);
        assertThat(slack.calls("usergroups.users.list")).isNotEmpty().allMatch(c -> c.param("usergroup").equals(GROUP));
        Call refused = reveal(notice, STRANGER);
        assertThat(refused.blocksText()).contains("Only the migration engineers").doesNotContain(TOKEN);
    }

    @Test
    void markReceivedGoesThroughTheHandOffServiceForEngineersOnly() throws Exception {
        Call notice = handedOff();
        int mark = slack.calls().size();
        requests.clickAction(TEAM, STRANGER, notice, "handoff.received");
        Call notYou = slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("user").equals(STRANGER), "the refusal");
        assertThat(notYou.param("text")).contains("Only the migration engineers");

        mark = slack.calls().size();
        requests.clickAction(TEAM, ENGINEER, notice, "handoff.received");
        Call received = slack.await(mark, c -> c.method().equals("chat.update") && c.param("channel").equals(CHANNEL), "received");
        assertThat(received.param("ts")).isEqualTo(notice.param("ts"));
        assertThat(received.blocksText()).contains("Received by <@" + ENGINEER + ">").doesNotContain("handoff.reveal");

        mark = slack.calls().size();
        requests.clickAction(TEAM, GROUP_MEMBER, notice, "handoff.received");
        Call again = slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("user").equals(GROUP_MEMBER), "already");
        assertThat(again.param("text")).contains("Already marked received by <@" + ENGINEER + ">");
    }
}
