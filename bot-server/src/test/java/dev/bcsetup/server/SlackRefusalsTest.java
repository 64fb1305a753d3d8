package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.net.URI;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests the bot must not act on: a wrong or stale signature (401), a signed body that is no Slack
 * payload (400), a button the bot never drew (200, nothing done). None reaches Slack's Web API or moves
 * the merchant's setup.
 */
class SlackRefusalsTest {

    @TempDir
    static Path dataDir;

    private static final String TEAM = FakeSlackApi.TEAM;
    private static final String MERCHANT = "U0MERCHANT2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeSlackApi slack;
    private static BotServer server;
    private static SlackRequests requests;
    private static Call stepTwo;

    @BeforeAll
    static void startOnStepTwo() throws Exception {
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        server = BotServer.start(TestConfig.local(dataDir,
                "SLACK_BOT_TOKEN", SlackJourneyTest.BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SlackJourneyTest.SIGNING_SECRET,
                "SLACK_API_URL", slack.url()), Clock.systemUTC());
        requests = new SlackRequests(SlackJourneyTest.SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
        requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "to");
        Call first = slack.await(0, c -> c.method().equals("chat.postMessage") && c.blocksText().contains("Step 1 of 7"), "step 1");
        requests.click(TEAM, MERCHANT, first, "next:0", List.of("PRODUCTS"));
        stepTwo = slack.await(0, c -> c.method().equals("chat.update") && c.blocksText().contains("Step 2 of 7"), "step 2");
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
        assertThat(slack.problems()).isEmpty();
    }

    /** Sends a request, then proves nothing reached Slack and the merchant is still on step 2. */
    private static void assertNothingHappens(Runnable request) {
        FakeSlackApi.pause(100);
        int before = slack.sent().size();
        request.run();
        FakeSlackApi.pause(400);
        assertThat(slack.sent()).as("Web API calls after a refused request").hasSize(before);
        int mark = slack.calls().size();
        requests.slashCommand(TEAM, MERCHANT, "D" + MERCHANT.substring(1), "status");
        Call shown = slack.await(mark, c -> c.method().equals("chat.postMessage") && c.param("channel").startsWith("D"), "the status");
        assertThat(shown.blocksText()).as("the setup did not move").contains("Step 2 of 7");
    }

    private static String nextClickBody() {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", MERCHANT).put("team_id", TEAM);
        payload.putObject("team").put("id", TEAM);
        payload.putObject("channel").put("id", "D" + MERCHANT.substring(1));
        payload.putObject("container").put("type", "message").put("message_ts", stepTwo.param("ts"));
        payload.putArray("actions").addObject().put("action_id", "bc.next:1").put("block_id", "nav")
                .put("value", "next:1").put("type", "button");
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void refusesABadSignatureWith401() {
        assertNothingHappens(() -> {
            String body = nextClickBody();
            long now = System.currentTimeMillis() / 1000;
            HttpResponse<String> response = requests.send("application/x-www-form-urlencoded", body, now,
                    new SlackRequests("ffffffffffffffffffffffffffffffff", URI.create("http://unused")).sign(now, body));
            assertThat(response.statusCode()).isEqualTo(401);
            HttpResponse<String> unsigned = requests.send("application/x-www-form-urlencoded", body, now, "");
            assertThat(unsigned.statusCode()).isEqualTo(401);
        });
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        assertNothingHappens(() -> {
            String body = nextClickBody();
            long now = System.currentTimeMillis() / 1000;
            String signature = requests.sign(now, body);
            HttpResponse<String> response = requests.send("application/x-www-form-urlencoded", body.replace("next", "back"), now, signature);
            assertThat(response.statusCode()).isEqualTo(401);
        });
    }

    @Test
    void refusesAStaleTimestampWith401() {
        assertNothingHappens(() -> {
            String body = nextClickBody();
            long sixMinutesAgo = System.currentTimeMillis() / 1000 - 6 * 60;
            HttpResponse<String> response = requests.send("application/x-www-form-urlencoded", body, sixMinutesAgo,
                    requests.sign(sixMinutesAgo, body));
            assertThat(response.statusCode()).isEqualTo(401);
        });
    }

    @Test
    void refusesASignedBodyThatIsNoSlackPayloadWith400() {
        assertNothingHappens(() -> {
            for (String body : List.of("payload=%7Bnot+json", "{\"type\":", "hello=world", "")) {
                String type = body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
                HttpResponse<String> response = requests.send(type, body);
                assertThat(response.statusCode()).as(body).isEqualTo(400);
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            }
        });
    }

    @Test
    void acknowledgesAnUnknownOrTamperedButtonAndDoesNothing() {
        assertNothingHappens(() -> {
            for (String[] button : List.of(new String[] {"bc.next:1", "launch_missiles:1"}, new String[] {"other.app", "next:1"},
                    new String[] {"bc.next:1", "next:1:" + "X".repeat(3000)})) {
                ObjectNode element = JSON.createObjectNode().put("type", "button").put("action_id", button[0]).put("value", button[1]);
                element.putObject("text").put("type", "plain_text").put("text", "?");
                HttpResponse<String> response = requests.blockAction(TEAM, MERCHANT, "D" + MERCHANT.substring(1),
                        stepTwo.param("ts"), "nav", element, stepTwo.json("blocks"), List.of());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEmpty();
            }
        });
    }
}
