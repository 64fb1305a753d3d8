package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests the bot must not act on: a wrong, stale, future, mis-shaped or repeated signature (401), a signed
 * body that is no Slack payload (400), a signed request replayed or a button the bot never drew (200, nothing
 * done). None reaches Slack's Web API or moves the merchant's setup.
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
        server = BotServer.start(TestConfig.slack(dataDir, slack.url()), Clock.systemUTC());
        requests = new SlackRequests(SlackJourneyTest.SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
        requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "to");
        Call first = slack.await(0, c -> c.method().equals("chat.postMessage") && c.blocksText().contains("Step 1 of 7"), "step 1");
        requests.click(TEAM, MERCHANT, first, "next:0", List.of("PRODUCTS"));
        stepTwo = slack.await(0, c -> c.method().equals("chat.update") && c.blocksText().contains("Step 2 of 7"), "step 2");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        return clickBody(MERCHANT, stepTwo.param("ts"), "next:1");
    }

    /** A click on the step message {@code messageTs} in {@code user}'s DM, as Slack would send it. */
    private static String clickBody(String user, String messageTs, String value) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", user).put("team_id", TEAM);
        payload.putObject("team").put("id", TEAM);
        payload.putObject("channel").put("id", "D" + user.substring(1));
        payload.putObject("container").put("type", "message").put("message_ts", messageTs);
        payload.putArray("actions").addObject().put("action_id", "bc." + value).put("block_id", "nav")
                .put("value", value).put("type", "button");
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** {@code /bigcommerce-setup text} typed by {@code user} in their DM, as Slack would send it. */
    private static String commandBody(String user, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team_id", TEAM);
        form.put("channel_id", "D" + user.substring(1));
        form.put("user_id", user);
        form.put("command", "/bigcommerce-setup");
        form.put("text", text);
        form.put("trigger_id", requests.nextTrigger());
        return SlackRequests.formBody(form);
    }

    /** A request signed at {@code timestamp} as Slack signs it, sent exactly as given. */
    private static HttpResponse<String> signedAt(long timestamp, String body) {
        return requests.send("application/x-www-form-urlencoded", body, timestamp, requests.sign(timestamp, body));
    }

    /** Where {@code user}'s setup is, as {@code /bigcommerce-setup status} shows it in their DM. */
    private static String stepOf(String user) {
        int mark = slack.calls().size();
        requests.slashCommand(TEAM, user, "D" + user.substring(1), "status");
        return slack.await(mark, c -> c.method().equals("chat.postMessage") && c.param("channel").equals("D" + user.substring(1)),
                "the status of " + user).blocksText().replaceAll("(?s).*(Step \\d of 7).*", "$1");
    }

    /**
     * Sends {@code replay} and proves it was acknowledged and nothing else: the status asked for next (on the same
     * merchant's lane, so after anything the replay set off) shows {@code step}, and is the only Web API call since.
     */
    private static void assertReplayIgnored(String user, Supplier<HttpResponse<String>> replay, String step) {
        int mark = slack.calls().size();
        assertThat(replay.get().statusCode()).as("a replay within the 5 minutes is acknowledged").isEqualTo(200);
        assertThat(stepOf(user)).as("where the merchant is after the replay").isEqualTo(step);
        assertThat(slack.calls().subList(mark, slack.calls().size()).stream()
                .filter(c -> !c.method().equals("auth.test") && !c.method().startsWith("files.")).map(Call::method))
                .as("Web API calls since the replay: the status alone").containsExactly("chat.postMessage");
    }

    private static Call awaitStep(int after, String user, int number) {
        return slack.await(after, c -> c.ok() && c.param("channel") != null && c.param("channel").equals("D" + user.substring(1))
                && c.blocksText().contains("Step " + number + " of 7"), "step " + number + " for " + user);
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
    void refusesATimestampFromTheFutureWith401() {
        assertNothingHappens(() -> {
            String body = nextClickBody();
            long inSixMinutes = System.currentTimeMillis() / 1000 + 6 * 60;
            assertThat(signedAt(inSixMinutes, body).statusCode()).as("signed 6 minutes ahead").isEqualTo(401);
            long farAhead = System.currentTimeMillis() / 1000 + 365L * 24 * 3600;
            assertThat(signedAt(farAhead, body).statusCode()).as("signed a year ahead").isEqualTo(401);
            assertThat(signedAt(Long.MAX_VALUE / 1000, body).statusCode()).as("signed at the end of time").isEqualTo(401);
        });
    }

    @Test
    void refusesASignatureMadeForAnotherBody() {
        assertNothingHappens(() -> {
            long now = System.currentTimeMillis() / 1000;
            String other = clickBody(MERCHANT, stepTwo.param("ts"), "back:1");
            HttpResponse<String> response = requests.send("application/x-www-form-urlencoded", nextClickBody(), now,
                    requests.sign(now, other));
            assertThat(response.statusCode()).isEqualTo(401);
        });
    }

    @Test
    void refusesSignaturesOfTheWrongShape() {
        assertNothingHappens(() -> {
            String body = nextClickBody();
            long now = System.currentTimeMillis() / 1000;
            String genuine = requests.sign(now, body);
            String hex = genuine.substring(3);
            for (String shape : List.of("v0=" + hex.substring(0, hex.length() - 2), "v0=" + hex + "00", "v0=" + hex.substring(0, 32),
                    "v0=" + hex.toUpperCase(Locale.ROOT), "v1=" + hex, hex, "v0=", "v0=" + hex + "," + genuine)) {
                HttpResponse<String> response = requests.send("application/x-www-form-urlencoded", body, now, shape);
                assertThat(response.statusCode()).as(shape).isEqualTo(401);
            }
        });
    }

    @Test
    void refusesRepeatedSignatureAndTimestampHeaders() {
        assertNothingHappens(() -> {
            String body = nextClickBody();
            long now = System.currentTimeMillis() / 1000;
            String genuine = requests.sign(now, body);
            String stale = Long.toString(now - 600);
            String wrong = "v0=" + "0".repeat(64);
            List<String[][]> headerSets = List.of(
                    new String[][] {{"X-Slack-Request-Timestamp", Long.toString(now)}, {"X-Slack-Signature", genuine},
                            {"X-Slack-Signature", wrong}},
                    new String[][] {{"X-Slack-Request-Timestamp", Long.toString(now)}, {"X-Slack-Signature", wrong},
                            {"X-Slack-Signature", genuine}},
                    new String[][] {{"X-Slack-Request-Timestamp", Long.toString(now)}, {"X-Slack-Request-Timestamp", stale},
                            {"X-Slack-Signature", genuine}},
                    new String[][] {{"X-Slack-Request-Timestamp", stale}, {"x-slack-request-timestamp", Long.toString(now)},
                            {"X-Slack-Signature", genuine}});
            for (String[][] headers : headerSets) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                for (String[] header : headers) {
                    request.header(header[0], header[1]);
                }
                assertThat(send(request.build()).statusCode()).as(Arrays.deepToString(headers)).isEqualTo(401);
            }
        });
    }

    @Test
    void aReplayedClickIsIgnoredAndMovesTheSetupOnce() {
        String user = "U0REPLAYER1";
        requests.slashCommand(TEAM, user, "C0GENERAL01", "to");
        Call first = awaitStep(0, user, 1);
        int mark = slack.calls().size();
        requests.click(TEAM, user, first, "next:0", List.of("PRODUCTS"));
        Call second = awaitStep(mark, user, 2);

        String next = clickBody(user, second.param("ts"), "next:1");
        long now = System.currentTimeMillis() / 1000;
        String signature = requests.sign(now, next);
        mark = slack.calls().size();
        assertThat(requests.send("application/x-www-form-urlencoded", next, now, signature).statusCode()).isEqualTo(200);
        awaitStep(mark, user, 3);
        assertReplayIgnored(user, () -> requests.send("application/x-www-form-urlencoded", next, now, signature), "Step 3 of 7");
    }

    @Test
    void aReplayedRestartIsIgnoredAndTheMerchantKeepsTheirProgress() {
        String user = "U0REPLAYER2";
        requests.slashCommand(TEAM, user, "C0GENERAL01", "to");
        Call first = awaitStep(0, user, 1);
        int mark = slack.calls().size();
        requests.click(TEAM, user, first, "next:0", List.of("PRODUCTS"));
        awaitStep(mark, user, 2);

        String restart = commandBody(user, "restart");
        long now = System.currentTimeMillis() / 1000;
        String signature = requests.sign(now, restart);
        mark = slack.calls().size();
        assertThat(requests.send("application/x-www-form-urlencoded", restart, now, signature).statusCode()).isEqualTo(200);
        awaitStep(mark, user, 1);
        // A restart forgets the direction too: the merchant picks it again, then moves on.
        mark = slack.calls().size();
        requests.slashCommand(TEAM, user, "D" + user.substring(1), "to");
        Call restarted = awaitStep(mark, user, 1);
        mark = slack.calls().size();
        requests.click(TEAM, user, restarted, "next:0", List.of("PRODUCTS"));
        awaitStep(mark, user, 2);

        assertReplayIgnored(user, () -> requests.send("application/x-www-form-urlencoded", restart, now, signature), "Step 2 of 7");
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
