package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's Web API, the Bot Connector and BigCommerce answering 5xx, 429 or hanging while merchants press on: every
 * press is acknowledged in time and never with a 500, the merchant learns what happened, nothing waits for ever, and
 * once the service is back the merchant's step, card or check comes out right.
 */
class UpstreamFaultsTest {

    @TempDir
    static Path dataDir;

    private static final String BOT_TOKEN = "xoxb-1111-2222-UPSTREAMBOTTOKEN";
    private static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
    private static final String TEAM = FakeSlackApi.TEAM;
    private static final long ACK_LIMIT_MS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeSlackApi slack;
    private static FakeBotConnector connector;
    private static FakeBigCommerce bigCommerce;
    private static BotServer server;
    private static SlackRequests requests;
    private static LogCapture logs;
    private static final List<String> figures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.attach();
        bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", FakeBigCommerce.everyScope(Access.MODIFY));
        slack = new FakeSlackApi(BOT_TOKEN, "C0GENERAL01");
        connector = new FakeBotConnector();
        server = BotServer.start(TestConfig.local(dataDir,
                "PUBLIC_BASE_URL", "https://bot.example.com",
                "SLACK_BOT_TOKEN", BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_API_URL", slack.url(),
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()), Clock.systemUTC());
        requests = new SlackRequests(SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
    }

    @AfterEach
    void everythingBack() {
        slack.outage(0);
        slack.release();
        connector.outage(0);
        connector.throttleEvery(0);
        connector.release();
        bigCommerce.unavailable(false);
        bigCommerce.release();
    }

    @AfterAll
    static void stop() {
        try {
            figures.forEach(figure -> System.out.println("FAULTS upstream: " + figure));
            assertThat(slack.problems()).as("payloads Slack would refuse").isEmpty();
            assertThat(logs.lines()).as("no secret in any log line")
                    .noneMatch(l -> l.contains(TOKEN) || l.contains(BOT_TOKEN) || l.contains(SIGNING_SECRET));
            assertThat(logs.lines()).as("no stack trace from the bot's own code")
                    .noneMatch(l -> l.startsWith("dev.bcsetup") && l.contains("\tat "));
        } finally {
            logs.close();
            server.close();
            slack.close();
            connector.close();
            bigCommerce.close();
        }
    }

    @Test
    void slackAnswering5xxOr429DelaysTheStepMessageButNeverDoublesOrLosesIt() throws Exception {
        SlackWalk mia = new SlackWalk(slack, requests, TEAM, "U0UPSTREAM1");
        Call step = mia.toStep(2);
        FaultTally tally = new FaultTally(ACK_LIMIT_MS);

        // A long outage: the update is tried three times, and no second step message is posted.
        slack.outage(503);
        int mark = slack.calls().size();
        assertThat(tally.send(() -> mia.click(step, "next:1")).statusCode()).isEqualTo(200);
        awaitTrue(() -> failed(mark, "chat.update") == 3, "three tries of chat.update");
        assertThat(slack.calls().subList(mark, slack.calls().size())).noneMatch(c -> c.method().equals("chat.postMessage"));
        slack.outage(0);
        // Back: the merchant's next press puts the same message on the step the setup is really on.
        int back = slack.calls().size();
        mia.click(step, "next:1");
        Call third = mia.stepMessage(back, 3);
        assertThat(third.param("ts")).isEqualTo(step.param("ts"));

        // A blip shorter than the retries: the update goes through by itself.
        slack.outage(502);
        int blip = slack.calls().size();
        tally.send(() -> mia.click(third, "next:2"));
        awaitTrue(() -> failed(blip, "chat.update") >= 1, "a failed chat.update");
        slack.outage(0);
        Call fourth = mia.stepMessage(blip, 4);
        assertThat(fourth.param("ts")).isEqualTo(step.param("ts"));

        // Rate-limited: waited out as Retry-After says.
        slack.rateLimitNext("chat.update", 1);
        int limited = slack.calls().size();
        tally.send(() -> mia.click(fourth, "next:3"));
        assertThat(mia.stepMessage(limited, 5).param("ts")).isEqualTo(step.param("ts"));
        assertThat(slack.calls().subList(mark, slack.calls().size())).noneMatch(c -> c.method().equals("chat.postMessage"));
        figures.add("Slack 503/502/429 on chat.update: " + tally.summary() + "; one step message throughout, right step after");
    }

    @Test
    void slackHangingHoldsNoRequestThreadAndNoLaneForEver() throws Exception {
        SlackWalk leo = new SlackWalk(slack, requests, TEAM, "U0UPSTREAM2");
        Call step = leo.toStep(2);
        SlackWalk ava = new SlackWalk(slack, requests, TEAM, "U0UPSTREAM3");
        Call last = ava.toStep(7);
        int threadsBefore = Thread.activeCount();
        FaultTally tally = new FaultTally(ACK_LIMIT_MS);

        slack.hang();
        int mark = slack.calls().size();
        tally.send(() -> leo.click(step, "next:1"));
        awaitTrue(() -> slack.held() > 0, "a Web API call held by the hanging Slack");
        for (int press = 0; press < 10; press++) {
            tally.send(() -> leo.click(step, "next:1"));
        }
        // Opening the form calls Slack before the acknowledgement: it gives up in time, rather than keep Slack waiting.
        HttpResponse<String> open = tally.send(() -> ava.click(last, "open_form:6"));
        assertThat(open.statusCode()).isEqualTo(200);
        int threadsDuring = Thread.activeCount();
        slack.release();

        Call third = leo.stepMessage(mark, 3);
        assertThat(third.param("ts")).isEqualTo(step.param("ts"));
        ava.notice(mark, "open the secure form just now");
        // Slack back: the form opens.
        int again = slack.calls().size();
        ava.click(last, "open_form:6");
        slack.await(again, c -> c.ok() && c.method().equals("views.open"), "the form once Slack answers");
        assertThat(threadsDuring - threadsBefore).as("threads added while Slack hung").isLessThan(10);
        figures.add("Slack hanging: " + tally.summary() + "; threads " + threadsBefore + " before, " + threadsDuring
                + " during; the step shown and the form opened once Slack answered");
    }

    @Test
    void theReportReachesTheModalWhenSlackFailsJustAfterTheCheck() throws Exception {
        SlackWalk zoe = new SlackWalk(slack, requests, TEAM, "U0UPSTREAM4");
        JsonNode form = zoe.openForm(zoe.toStep(7));
        String viewId = form.path("id").asText();
        bigCommerce.hang();
        JsonNode checking = JSON.readTree(submit(zoe, form).body());
        slack.acknowledgedWithUpdate(viewId, checking.path("view"));
        awaitTrue(() -> bigCommerce.held() > 0, "the live check under way");
        slack.outage(500);
        int mark = slack.calls().size();
        bigCommerce.release();
        awaitTrue(() -> failed(mark, "views.update") >= 1, "a failed views.update of the report");
        slack.outage(0);
        slack.await(mark, c -> c.ok() && c.method().equals("views.update") && viewId.equals(c.param("view_id"))
                && c.blocksText().contains("All set"), "the report in the modal");
        figures.add("Slack 500 on the report's views.update: tried again, the modal shows the report");
    }

    @Test
    void theBotConnectorAnswering5xxOr429OrHangingIsNeverA500() throws Exception {
        TeamsChat chat = new TeamsChat(connector, server.port(), new Person("29:1upstream-tia", "Tia Teams"));
        chat.toStep(2);
        FaultTally tally = new FaultTally(ACK_LIMIT_MS);

        connector.outage(503);
        assertThat(tally.send(() -> chat.press("next:1", null)).statusCode()).as("the connector refused our answer").isEqualTo(502);
        connector.outage(0);
        int before = connector.calls().size();
        assertThat(chat.press("next:1", null).statusCode()).isEqualTo(202);
        assertThat(connector.calls().subList(before, connector.calls().size()))
                .anySatisfy(c -> assertThat(c.card().toString()).contains("Step 3 of 7"));

        connector.throttleEvery(2);
        before = connector.calls().size();
        assertThat(tally.send(() -> chat.press("next:2", null)).statusCode()).isEqualTo(202);
        assertThat(connector.calls().subList(before, connector.calls().size()))
                .anySatisfy(c -> assertThat(c.card().toString()).contains("Step 4 of 7"));
        connector.throttleEvery(0);

        // Hanging: the turn gives up on the connector in time; a dialog's answer rides on the HTTP response itself.
        TeamsChat last = new TeamsChat(connector, server.port(), new Person("29:1upstream-ivy", "Ivy Invoke"));
        last.toStep(7);
        connector.hang();
        assertThat(tally.send(() -> last.press("back:6", null)).statusCode()).as("the connector did not answer").isEqualTo(502);
        HttpResponse<String> dialog = tally.send(() -> last.invoke("task/fetch", last.openForm()));
        assertThat(dialog.statusCode()).isEqualTo(200);
        assertThat(TeamsChat.dialogShows(dialog)).contains("API path");
        // A dialog's Send waits for the live check by design, so it is held to the check's deadline, not to 3 s.
        FaultTally checks = new FaultTally(10_000 + ACK_LIMIT_MS);
        HttpResponse<String> handedOver = checks.send(() -> last.invoke("task/submit", last.send(API_PATH, CLIENT_ID, TOKEN)));
        assertThat(handedOver.statusCode()).isEqualTo(200);
        assertThat(TeamsChat.dialogShows(handedOver)).as("the report in the dialog, whatever the chat's card").contains("All set");
        java.util.regex.Matcher reference = java.util.regex.Pattern.compile("BC-[0-9A-Z]{4}-[0-9A-Z]{4}")
                .matcher(TeamsChat.dialogShows(handedOver));
        assertThat(reference.find()).as("the report names the hand-off's reference").isTrue();
        connector.release();
        before = connector.calls().size();
        assertThat(last.say("status").statusCode()).isEqualTo(202);
        // The chat's card missed the report during the hang: coming back names the reference again.
        assertThat(connector.calls().subList(before, connector.calls().size()))
                .anySatisfy(c -> assertThat(c.text() + c.card()).contains("already passed every check")
                        .contains(reference.group()));
        figures.add("Bot Connector 503/429/hanging: " + tally.summary() + "; 502 for an answer it refused or never took, 0 x 500;"
                + " a dialog's Send during the hang answered with the report (" + checks.summary() + ")");
    }

    @Test
    void merchantsPressingWhileTheConnectorIsSlowAreAnsweredSideBySideNotInAQueue() throws Exception {
        int merchants = 12;
        List<TeamsChat> chats = new ArrayList<>();
        for (int i = 0; i < merchants; i++) {
            TeamsChat chat = new TeamsChat(connector, server.port(), new Person("29:1upstream-crowd-" + i, "Crowd " + i));
            chat.toStep(2);
            chats.add(chat);
        }
        connector.hang();
        ExecutorService pressing = Executors.newFixedThreadPool(merchants);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (TeamsChat chat : chats) {
                answers.add(pressing.submit(() -> chat.press("next:0", null)));
            }
            // The SDK's HTTP client sends at most 5 calls at once to one host and queues the rest.
            awaitTrue(() -> connector.held() == merchants, "every merchant's card update with the connector at once");
            connector.release();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            }
        } finally {
            pressing.shutdownNow();
        }
        figures.add("Bot Connector slow: " + merchants + " merchants' card updates were with the connector at once");
    }

    @Test
    void bigCommerceDownOrRateLimitedGetsItsOwnReportAndCostsNoCheck() throws Exception {
        TeamsChat chat = new TeamsChat(connector, server.port(), new Person("29:1upstream-bea", "Bea BigCommerce"));
        chat.toStep(7);
        bigCommerce.unavailable(true);
        FaultTally tally = new FaultTally(10_000 + ACK_LIMIT_MS);
        // More sends than a setup's hourly limit of live checks: an outage's reports are not counted against it.
        for (int send = 1; send <= 6; send++) {
            HttpResponse<String> report = tally.send(() -> chat.invoke("task/submit", chat.send(API_PATH, CLIENT_ID, TOKEN)));
            assertThat(TeamsChat.dialogShows(report)).as("send %d", send).contains("BigCommerce is not answering right now")
                    .doesNotContain("too many times");
        }
        bigCommerce.unavailable(false);
        bigCommerce.rateLimitNext(3, true);
        HttpResponse<String> success = tally.send(() -> chat.invoke("task/submit", chat.send(API_PATH, CLIENT_ID, TOKEN)));
        assertThat(TeamsChat.dialogShows(success)).contains("All set");
        figures.add("BigCommerce 503 six times, then 429 three times: " + tally.summary()
                + "; each 503 reported as BigCommerce not answering, none counted, then handed over");
    }

    @Test
    void bigCommerceHangingIsReportedWithinTheDeadlineAndTheCheckWorksAfter() throws Exception {
        SlackWalk kai = new SlackWalk(slack, requests, TEAM, "U0UPSTREAM5");
        JsonNode form = kai.openForm(kai.toStep(7));
        String viewId = form.path("id").asText();
        bigCommerce.hang();
        int mark = slack.calls().size();
        long sent = System.nanoTime();
        FaultTally tally = new FaultTally(ACK_LIMIT_MS);
        JsonNode checking = JSON.readTree(tally.send(() -> submit(kai, form)).body());
        slack.acknowledgedWithUpdate(viewId, checking.path("view"));
        Call report = slack.await(mark, c -> c.ok() && c.method().equals("views.update") && viewId.equals(c.param("view_id"))
                && c.blocksText().contains("did not answer within 10 seconds"), "the timeout report", Duration.ofSeconds(20));
        long reportMs = (System.nanoTime() - sent) / 1_000_000;
        assertThat(reportMs).as("ms to the report").isLessThan(10_000 + ACK_LIMIT_MS);
        bigCommerce.release();

        // Try again, in the modal: the check now succeeds.
        JsonNode failed = slack.view(viewId);
        assertThat(report.blocksText()).contains("open_form:6");
        int again = slack.calls().size();
        requests.clickInView(TEAM, kai.merchant(), failed, "open_form:6");
        slack.await(again, c -> c.ok() && c.method().equals("views.update") && c.blocksText().contains("pasted_file"), "the form");
        JsonNode retry = slack.view(viewId);
        int sentAgain = slack.calls().size();
        JsonNode checkingAgain = JSON.readTree(submit(kai, retry).body());
        slack.acknowledgedWithUpdate(viewId, checkingAgain.path("view"));
        slack.await(sentAgain, c -> c.ok() && c.method().equals("views.update") && c.blocksText().contains("All set"),
                "the success view");
        figures.add("BigCommerce hanging: acknowledged in " + tally.summary() + ", the timeout report after " + reportMs
                + " ms (deadline 10 s), handed over when tried again");
    }

    private static long failed(int after, String method) {
        return slack.calls().subList(after, slack.calls().size()).stream()
                .filter(c -> c.method().equals(method) && !c.ok()).count();
    }

    private static HttpResponse<String> submit(SlackWalk who, JsonNode form) {
        return requests.submitView(TEAM, who.merchant(), form,
                Map.of("api_path", API_PATH, "client_id", CLIENT_ID, "access_token", TOKEN));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
