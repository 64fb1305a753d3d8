package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.fault.TcpFaultProxy;
import dev.bcsetup.flow.Access;
import dev.bcsetup.handoff.HandOffNotice;
import dev.bcsetup.handoff.HandOffNotifier;
import dev.bcsetup.handoff.Outbox;
import dev.bcsetup.handoff.OutboxEntry;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import dev.bcsetup.store.EmbeddedPostgresDatabase;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for a while under the running bot: PostgreSQL sits behind a relay that is cut (every open
 * connection reset, new ones refused), then restored. Every press during the cut is answered in time and says that
 * nothing was saved; readiness says so too; no receipt is shown for credentials that were not stored; a delivery the
 * engineers got is recorded once, not sent again; and after the restore the same merchants carry on where they were,
 * without a restart.
 */
class DatabaseOutageTest {

    @TempDir
    static Path dataDir;

    private static final String BOT_TOKEN = "xoxb-1111-2222-OUTAGEBOTTOKEN";
    private static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
    private static final String TEAM = FakeSlackApi.TEAM;
    /** What every "not saved" message says, in Slack, Teams and the browser. */
    private static final String NOT_SAVED = "our database is not answering";
    private static final long ACK_LIMIT_MS = 3000;
    private static final Pattern REFERENCE = Pattern.compile("BC-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgresDatabase postgres;
    private static TcpFaultProxy proxy;
    private static FakeSlackApi slack;
    private static FakeBotConnector connector;
    private static FakeBigCommerce bigCommerce;
    private static BotServer server;
    private static SlackRequests requests;
    private static LogCapture logs;
    private static final List<HandOffNotice> delivered = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Runnable> onDelivery = new AtomicReference<>();
    private static final List<String> figures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.attach();
        postgres = EmbeddedPostgresDatabase.start();
        proxy = TcpFaultProxy.to(postgres.port());
        bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", FakeBigCommerce.everyScope(Access.MODIFY));
        slack = new FakeSlackApi(BOT_TOKEN, "C0GENERAL01");
        connector = new FakeBotConnector();
        HandOffNotifier engineers = new HandOffNotifier() {
            @Override
            public String destination() {
                return "engineers-under-test";
            }

            @Override
            public void deliver(HandOffNotice notice) {
                delivered.add(notice);
                Optional.ofNullable(onDelivery.getAndSet(null)).ifPresent(Runnable::run);
            }
        };
        server = BotServer.start(TestConfig.local(dataDir,
                "DATABASE_URL", EmbeddedPostgresDatabase.jdbcUrl(proxy.port()),
                "SLACK_BOT_TOKEN", BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_API_URL", slack.url(),
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()), Clock.systemUTC(), List.of(engineers));
        requests = new SlackRequests(SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
    }

    @AfterEach
    void restoreTheDatabase() {
        proxy.restore();
        bigCommerce.release();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            figures.forEach(figure -> System.out.println("FAULTS database: " + figure));
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
            proxy.close();
            postgres.close();
        }
    }

    @Test
    void everyPressDuringTheCutIsAnsweredInTimeAndTheSameMerchantsCarryOnAfterIt() throws Exception {
        SlackWalk mia = new SlackWalk(slack, requests, TEAM, "U0OUTAGE01");
        Call slackStep = mia.toStep(2);
        TeamsChat teams = new TeamsChat(connector, server.port(), new Person("29:1outage-tia", "Tia Teams"));
        teams.toStep(2);
        Browser browser = new Browser(server.port());
        browser.get("/");
        browser.press("choose_direction:0:TO_BIGCOMMERCE");
        assertThat(browser.press("next:0", "PRODUCTS").body()).contains("Step 2 of 7");

        int linkMessage = connector.calls().size();
        teams.say("setup for jane@example.com");
        Matcher link = Pattern.compile("/setup/[A-Za-z0-9_-]+").matcher(connector.calls().get(linkMessage).text());
        assertThat(link.find()).as("a one-time link").isTrue();
        Browser customer = new Browser(server.port());

        FaultTally tally = new FaultTally(ACK_LIMIT_MS);
        long cut = System.nanoTime();
        proxy.cut();

        // Slack: acknowledged at once; the merchant reads that nothing was saved, and the step message stays on step 2.
        int mark = slack.calls().size();
        assertThat(tally.send(() -> mia.click(slackStep, "next:1")).statusCode()).isEqualTo(200);
        mia.notice(mark, NOT_SAVED);
        // Reading needs no database while the setup is in memory: "status" shows the step the merchant is still on.
        int beforeStatus = slack.calls().size();
        assertThat(tally.send(() -> requests.slashCommand(TEAM, mia.merchant(), mia.dm(), "status")).statusCode())
                .isEqualTo(200);
        Call shown = mia.stepMessage(beforeStatus, 2);

        // Teams: the press is answered, and the chat says what happened and what to do.
        int before = connector.calls().size();
        assertThat(tally.send(() -> teams.press("next:1", null)).statusCode()).isEqualTo(202);
        assertThat(connector.calls().subList(before, connector.calls().size()))
                .anySatisfy(c -> assertThat(c.text()).contains(NOT_SAVED).contains("in a minute"));

        // The playground: the page says so above the step the visitor is still on; a browser it has never seen gets a
        // short 503 page, as there is no step it could show.
        HttpResponse<String> page = tally.send(() -> browser.press("next:1"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(NOT_SAVED).contains("Step 2 of 7");
        HttpResponse<String> stranger = tally.send(() -> new Browser(server.port()).get("/"));
        assertThat(stranger.statusCode()).isEqualTo(503);
        assertThat(stranger.body()).contains(NOT_SAVED).contains("try again in a minute");
        // A customer opening a one-time link: the link itself is in the database, so a short 503 page.
        HttpResponse<String> invited = tally.send(() -> customer.get(link.group()));
        assertThat(invited.statusCode()).isEqualTo(503);
        assertThat(invited.body()).contains(NOT_SAVED);
        assertThat(tally.send(() -> browser.get("/readyz")).statusCode()).isEqualTo(503);
        assertThat(tally.send(() -> browser.get("/healthz")).statusCode()).isEqualTo(200);
        long outageMs = (System.nanoTime() - cut) / 1_000_000;

        proxy.restore();
        long recoveryMs = awaitReady(browser);

        // The same merchants, the same buttons: each carries on from step 2, with the data ticked before the cut.
        mark = slack.calls().size();
        mia.click(slackStep, "next:1");
        Call third = mia.stepMessage(mark, 3);
        assertThat(third.param("ts")).as("the step message \"status\" posted").isEqualTo(shown.param("ts"));
        before = connector.calls().size();
        assertThat(teams.press("next:1", null).statusCode()).isEqualTo(202);
        assertThat(connector.calls().subList(before, connector.calls().size()))
                .anySatisfy(c -> assertThat(c.card().toString()).contains("Step 3 of 7"));
        HttpResponse<String> after = browser.press("next:1");
        assertThat(after.body()).contains("Step 3 of 7").doesNotContain(NOT_SAVED);
        assertThat(browser.press("next:2").body()).contains("Step 4 of 7");
        assertThat(customer.get(link.group()).body()).contains("Step 1 of 7");

        figures.add("presses and pages during a " + outageMs + " ms cut: " + tally.summary() + ", 0 x 500; /readyz 200 again "
                + recoveryMs + " ms after the restore, no restart");
    }

    @Test
    void aFormSentDuringTheCutShowsNoReceiptAndIsHandedOverWhenSentAgain() throws Exception {
        SlackWalk ava = new SlackWalk(slack, requests, TEAM, "U0OUTAGE02");
        Call last = ava.toStep(7);
        JsonNode form = ava.openForm(last);
        int checksBefore = bigCommerce.requests().size();

        proxy.cut();
        FaultTally tally = new FaultTally(ACK_LIMIT_MS);
        HttpResponse<String> ack = tally.send(() -> submit(ava, form));
        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(ack.body());
        assertThat(answer.path("response_action").asText()).isEqualTo("update");
        assertThat(answer.path("view").toString()).contains(NOT_SAVED).doesNotContain("All set").doesNotContain(TOKEN);
        proxy.restore();
        awaitReady(new Browser(server.port()));
        assertThat(bigCommerce.requests()).as("nothing was checked for a form that was not saved").hasSize(checksBefore);
        assertThat(delivered).noneMatch(n -> n.submitter().merchant().equals(ava.merchant()));

        // Sent again once the database is back: checked, stored, receipted and delivered once.
        JsonNode again = ava.openForm(last);
        String reference = handedOver(ava, again);
        awaitTrue(() -> delivered.stream().anyMatch(n -> n.reference().equals(reference)), "the hand-off delivered");
        assertThat(delivered).filteredOn(n -> n.submitter().merchant().equals(ava.merchant())).hasSize(1);
        figures.add("a form sent during the cut: " + tally.summary() + ", no receipt, handed over once when sent again");
    }

    @Test
    void credentialsCheckedAsTheDatabaseWentAwayGetNoReceiptAndGoThroughWhenSentAgain() throws Exception {
        SlackWalk leo = new SlackWalk(slack, requests, TEAM, "U0OUTAGE03");
        Call last = leo.toStep(7);
        JsonNode form = leo.openForm(last);
        String viewId = form.path("id").asText();
        int checksBefore = bigCommerce.requests().size();

        // BigCommerce is slow to answer; the database goes away while the check runs.
        bigCommerce.hang();
        int mark = slack.calls().size();
        JsonNode checking = JSON.readTree(submit(leo, form).body());
        assertThat(checking.path("view").toString()).contains("Checking your credentials");
        slack.acknowledgedWithUpdate(viewId, checking.path("view"));
        awaitTrue(() -> bigCommerce.requests().size() > checksBefore, "the live check under way");
        proxy.cut();
        bigCommerce.release();

        Call modal = slack.await(mark, c -> c.ok() && c.method().equals("views.update") && viewId.equals(c.param("view_id"))
                && c.blocksText().contains("could not store them"), "the modal saying nothing was kept");
        assertThat(modal.blocksText()).doesNotContain("All set").doesNotContain("reference");
        leo.notice(mark, "could not store them");
        assertThat(slack.calls().subList(mark, slack.calls().size()))
                .noneMatch(c -> c.blocksText().contains("All set") || REFERENCE.matcher(c.blocksText()).find());
        proxy.restore();
        awaitReady(new Browser(server.port()));
        assertThat(delivered).noneMatch(n -> n.submitter().merchant().equals(leo.merchant()));

        // Not stuck "checking": the form opens at once and this time the credentials are handed over, once.
        JsonNode again = leo.openForm(last);
        String reference = handedOver(leo, again);
        awaitTrue(() -> delivered.stream().anyMatch(n -> n.reference().equals(reference)), "the hand-off delivered");
        assertThat(delivered).filteredOn(n -> n.submitter().merchant().equals(leo.merchant())).hasSize(1);
        figures.add("the database cut during a live check: no receipt, the merchant asked to send again, handed over once");
    }

    @Test
    void aHandOffDeliveredAsTheDatabaseWentAwayIsRecordedOnceItIsBackAndNotSentAgain() throws Exception {
        Browser browser = new Browser(server.port());
        browser.get("/");
        browser.press("choose_direction:0:TO_BIGCOMMERCE");
        browser.press("next:0", "PRODUCTS");
        for (int index = 1; index < 6; index++) {
            browser.press("next:" + index);
        }
        // The engineers' channel takes the hand-off, and at that moment the database goes away.
        onDelivery.set(proxy::cut);
        HttpResponse<String> report = browser.post("/playground/credentials", "api_path=" + encode(API_PATH)
                + "&client_id=" + CLIENT_ID + "&access_token=" + TOKEN);
        Matcher receipt = REFERENCE.matcher(report.body());
        assertThat(receipt.find()).as("a receipt on %s", report.body()).isTrue();
        String reference = receipt.group();
        awaitTrue(() -> delivered.stream().anyMatch(n -> n.reference().equals(reference)), "the hand-off delivered");
        String handOffId = delivered.stream().filter(n -> n.reference().equals(reference)).findFirst().orElseThrow().handOffId();
        long cutMs = 2_000;
        Thread.sleep(cutMs); // the outage itself: the worker meets the cut database on every poll meanwhile
        proxy.restore();
        long restored = System.nanoTime();

        Outbox outbox = new Outbox(postgres.database());
        awaitTrue(() -> outbox.entriesOf(handOffId).stream().allMatch(e -> e.deliveredAt().isPresent()),
                "the delivery recorded after the restore");
        long recordedMs = (System.nanoTime() - restored) / 1_000_000;
        List<OutboxEntry> entries = outbox.entriesOf(handOffId);
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.attempts()).as("attempts").isEqualTo(1));
        assertThat(delivered).filteredOn(n -> n.reference().equals(reference)).hasSize(1);
        figures.add("a delivery accepted as the database went away (" + cutMs + " ms cut): recorded " + recordedMs
                + " ms after the restore, 1 attempt, delivered once");
    }

    private static HttpResponse<String> submit(SlackWalk who, JsonNode form) {
        return requests.submitView(TEAM, who.merchant(), form,
                Map.of("api_path", API_PATH, "client_id", CLIENT_ID, "access_token", TOKEN));
    }

    /** Sends the form, follows the "checking" view to the success view; the hand-off's reference. */
    private static String handedOver(SlackWalk who, JsonNode form) throws Exception {
        String viewId = form.path("id").asText();
        int mark = slack.calls().size();
        JsonNode checking = JSON.readTree(submit(who, form).body());
        assertThat(checking.path("view").toString()).contains("Checking your credentials");
        slack.acknowledgedWithUpdate(viewId, checking.path("view"));
        Call success = slack.await(mark, c -> c.ok() && c.method().equals("views.update") && viewId.equals(c.param("view_id"))
                && c.blocksText().contains("All set"), "the success view");
        Matcher reference = REFERENCE.matcher(success.blocksText());
        assertThat(reference.find()).isTrue();
        return reference.group();
    }

    /** Polls /readyz until it answers 200; how long that took. */
    private static long awaitReady(Browser browser) throws Exception {
        long start = System.nanoTime();
        awaitTrue(() -> {
            try {
                return browser.get("/readyz").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, "/readyz 200 after the restore");
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
