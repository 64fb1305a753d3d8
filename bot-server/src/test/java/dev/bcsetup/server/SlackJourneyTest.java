package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The merchant's journey in Slack, end to end: signed requests shaped like Slack's sent over HTTP to the
 * real server, whose Web API calls land on a fake Slack that answers as Slack does and checks every
 * Block Kit payload against Slack's limits.
 */
class SlackJourneyTest {

    @TempDir
    static Path dataDir;

    static final String BOT_TOKEN = "xoxb-1111-2222-SECRETBOTTOKEN";
    static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
    static final String ENGINEERS = "C0ENGINEERS";
    static final String TEAM = FakeSlackApi.TEAM;
    static final String MERCHANT = "U0MERCHANT1";
    static final String DM = "D0MERCHANT1";

    private FakeSlackApi slack;
    private BotServer server;
    private SlackRequests requests;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
        slack = new FakeSlackApi(BOT_TOKEN, ENGINEERS, "C0GENERAL01");
        server = BotServer.start(TestConfig.local(Files.createTempDirectory(dataDir, "run"),
                "BIND_ADDRESS", "127.0.0.1",
                "PUBLIC_BASE_URL", "https://bot.example.com",
                "SLACK_BOT_TOKEN", BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_API_URL", slack.url(),
                "HANDOFF_SLACK_CHANNEL", ENGINEERS), Clock.systemUTC());
        requests = new SlackRequests(SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
    }

    @AfterEach
    void stop() {
        server.close();
        slack.close();
        root().detachAppender(logs);
        assertThat(slack.problems()).as("payloads Slack would refuse").isEmpty();
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).as("log line").doesNotContain(BOT_TOKEN).doesNotContain(SIGNING_SECRET);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private Call stepMessage(int after, String progress) {
        return slack.await(after, c -> c.ok() && (c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
                && c.param("channel").equals(DM) && c.blocksText().contains(progress), "the step message showing " + progress);
    }

    private HttpResponse<String> click(Call message, String value, String... ticked) {
        return requests.click(TEAM, MERCHANT, message, value, List.of(ticked));
    }

    @Test
    void walksAMerchantThroughEveryStepInOneMessageUpdatedInPlace() {
        long started = System.nanoTime();
        HttpResponse<String> command = requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms to acknowledge").isLessThan(3000);
        assertThat(command.statusCode()).isEqualTo(200);
        assertThat(command.body()).contains("sent you a DM").contains("\"response_type\":\"ephemeral\"");

        Call first = stepMessage(0, "Step 1 of 7");
        assertThat(first.method()).isEqualTo("chat.postMessage");
        assertThat(slack.calls("conversations.open")).hasSize(1);
        assertThat(first.blocksText()).contains("\"image_url\":\"https://bot.example.com/assets/").contains("alt_text")
                .contains("checkboxes").contains("choose_direction:0:TO_BIGCOMMERCE");
        String ts = first.param("ts");
        slack.await(0, c -> c.method().equals("chat.postEphemeral") && c.param("user").equals(MERCHANT), "the welcome notice");

        int mark = slack.calls().size();
        assertThat(click(first, "choose_direction:0:TO_BIGCOMMERCE").statusCode()).isEqualTo(200);
        Call chosen = slack.await(mark, c -> c.method().equals("chat.update") && c.blocksText().contains("✓ Into BigCommerce"),
                "step 1 with the direction chosen");
        assertThat(chosen.param("ts")).isEqualTo(ts);

        mark = slack.calls().size();
        click(chosen, "next:0", "PRODUCTS", "ORDERS");
        Call step = stepMessage(mark, "Step 2 of 7");
        assertThat(step.method()).isEqualTo("chat.update");
        assertThat(step.param("ts")).isEqualTo(ts);
        Call stepTwo = step;

        for (int number = 3; number <= 5; number++) {
            mark = slack.calls().size();
            click(step, "next:" + (number - 2));
            step = stepMessage(mark, "Step " + number + " of 7");
            assertThat(step.param("ts")).isEqualTo(ts);
        }
        assertThat(step.blocksText()).contains("Products: *Modify* (required)").contains("Customers: *Modify* (optional)")
                .contains("Orders: *Modify* (required)").contains("Information &amp; Settings: *Modify* (required)");

        mark = slack.calls().size();
        click(step, "back:4");
        step = stepMessage(mark, "Step 4 of 7");

        // A button on an older rendering (step 2's Next) is answered by showing where the merchant is.
        mark = slack.calls().size();
        click(stepTwo, "next:1");
        Call current = stepMessage(mark, "Step 4 of 7");
        assertThat(current.param("ts")).isEqualTo(ts);
        slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("text").contains("earlier step"),
                "the stale-button notice");

        mark = slack.calls().size();
        click(current, "help:3");
        Call help = slack.await(mark, "chat.postEphemeral", "the help");
        assertThat(help.param("text")).startsWith("Help:");
        assertThat(help.param("user")).isEqualTo(MERCHANT);

        mark = slack.calls().size();
        click(current, "stuck:3");
        Call escalation = slack.await(mark, c -> c.method().equals("chat.postMessage") && c.param("channel").equals(ENGINEERS),
                "the help request in the engineers' channel");
        assertThat(escalation.blocksText()).contains("<@" + MERCHANT + ">").contains("step 4").contains(TEAM);
        slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("text").contains("migration team"),
                "the merchant told help is coming");

        for (int number = 5; number <= 7; number++) {
            mark = slack.calls().size();
            click(current, "next:" + (number - 2));
            current = stepMessage(mark, "Step " + number + " of 7");
        }
        assertThat(current.blocksText()).contains("restart:6").doesNotContain("next:6");
        assertThat(slack.messagesWithBlocks().stream().filter(c -> c.param("channel").equals(DM))
                .map(c -> c.param("ts")).distinct()).containsExactly(ts);

        mark = slack.calls().size();
        assertThat(requests.event("Ev0HOME1", TEAM, SlackRequests.appHomeOpened(MERCHANT), 0).statusCode()).isEqualTo(200);
        Call home = slack.await(mark, "views.publish", "the App Home");
        assertThat(home.param("user_id")).isEqualTo(MERCHANT);
        assertThat(home.blocksText()).contains("home.continue").contains("ready to hand over");

        // Slack retries the same event: it is acknowledged but not acted on twice.
        assertThat(requests.event("Ev0HOME1", TEAM, SlackRequests.appHomeOpened(MERCHANT), 1).statusCode()).isEqualTo(200);
        FakeSlackApi.pause(300);
        assertThat(slack.calls("views.publish")).hasSize(1);

        // "Continue" on App Home posts the current step afresh at the bottom of the DM.
        mark = slack.calls().size();
        requests.click(TEAM, MERCHANT, homeAsMessage(home), "home.continue", List.of());
        Call resumed = stepMessage(mark, "Step 7 of 7");
        assertThat(resumed.method()).isEqualTo("chat.postMessage");
    }

    /** The published home view's blocks, shaped as a message so its button can be clicked. */
    private static Call homeAsMessage(Call home) {
        return new Call("views.publish", Map.of("blocks", home.json("view").path("blocks").toString(), "channel", DM,
                "ts", "0"), true);
    }

    @Test
    void commandArgumentsStartResumeRestartAndForget() {
        HttpResponse<String> usage = requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "what");
        assertThat(usage.statusCode()).isEqualTo(200);
        assertThat(usage.body()).contains("/bigcommerce-setup status");
        assertThat(requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "help").body()).contains("forget");
        FakeSlackApi.pause(200);
        assertThat(slack.sent()).isEmpty();

        requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "from");
        Call first = stepMessage(0, "Step 1 of 7");
        assertThat(first.blocksText()).contains("✓ Out of BigCommerce");

        // Typed in our DM, the command needs no pointer.
        int mark = slack.calls().size();
        assertThat(requests.slashCommand(TEAM, MERCHANT, DM, "status").body()).doesNotContain("sent you a DM");
        Call status = stepMessage(mark, "Step 1 of 7");
        assertThat(status.method()).isEqualTo("chat.postMessage");

        mark = slack.calls().size();
        requests.slashCommand(TEAM, MERCHANT, DM, "forget");
        slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("text").contains("setup is stopped"), "the stop notice");

        mark = slack.calls().size();
        requests.slashCommand(TEAM, MERCHANT, DM, "restart");
        Call restarted = stepMessage(mark, "Step 1 of 7");
        assertThat(restarted.blocksText()).doesNotContain("✓");
    }

    @Test
    void waitsOutRateLimitsAndRecoversFromSlackErrors() {
        requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "to");
        Call first = stepMessage(0, "Step 1 of 7");

        slack.rateLimitNext("chat.update", 1);
        int mark = slack.calls().size();
        long started = System.nanoTime();
        click(first, "next:0", "PRODUCTS");
        Call second = stepMessage(mark, "Step 2 of 7");
        assertThat(second.method()).isEqualTo("chat.update");
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(900);
        assertThat(slack.calls("chat.update").stream().filter(c -> !c.ok())).hasSize(1);

        // The step message was deleted: the next step is posted as a new message.
        slack.failNext("chat.update", "message_not_found");
        mark = slack.calls().size();
        click(second, "next:1");
        Call third = stepMessage(mark, "Step 3 of 7");
        assertThat(third.method()).isEqualTo("chat.postMessage");

        // The engineers' channel is gone: the merchant still hears back, and the flow carries on.
        slack.failNext("chat.postMessage", "channel_not_found");
        mark = slack.calls().size();
        click(third, "stuck:2");
        slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("text").contains("migration team"), "the stuck notice");
        slack.await(mark, c -> c.method().equals("chat.postMessage") && !c.ok(), "the refused post to the engineers");
        mark = slack.calls().size();
        click(third, "next:2");
        stepMessage(mark, "Step 4 of 7");
    }

    @Test
    void stopsPostingToAWorkspaceThatUninstalledTheApp() {
        requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "");
        Call first = stepMessage(0, "Step 1 of 7");
        assertThat(requests.event("Ev0GONE1", TEAM, SlackRequests.appUninstalled(), 0).statusCode()).isEqualTo(200);
        FakeSlackApi.pause(200);
        int mark = slack.sent().size();

        requests.slashCommand(TEAM, MERCHANT, "C0GENERAL01", "");
        click(first, "choose_direction:0:TO_BIGCOMMERCE");
        requests.event("Ev0HOME2", TEAM, SlackRequests.appHomeOpened(MERCHANT), 0);
        FakeSlackApi.pause(400);
        assertThat(slack.sent()).hasSize(mark);
    }
}
