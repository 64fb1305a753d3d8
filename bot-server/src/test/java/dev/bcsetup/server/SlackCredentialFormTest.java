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
import dev.bcsetup.slack.BlockKitLimits;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The secure form in Slack, end to end over HTTP with signed requests: the real server, a fake Slack that
 * enforces trigger lifetimes and view hashes, and a fake BigCommerce that answers the live check. Every
 * payload sent to Slack, every acknowledgement, every private_metadata and every log line (at DEBUG) is
 * scanned for the token.
 */
class SlackCredentialFormTest {

    @TempDir
    static Path dataDir;

    static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    static final String READ_ONLY_TOKEN = "readonly0123456789abcdefghijklm";
    static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
    static final String TEAM = FakeSlackApi.TEAM;
    static final String MERCHANT = "U0MERCHANT3";
    static final String DM = "D0MERCHANT3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeSlackApi slack;
    private FakeBigCommerce bigCommerce;
    private BotServer server;
    private SlackRequests requests;
    private ListAppender<ILoggingEvent> logs;
    private Level rootLevel;
    private final List<String> acknowledgements = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        logs = new ListAppender<>();
        logs.start();
        rootLevel = root().getLevel();
        root().setLevel(Level.DEBUG);
        root().addAppender(logs);
        Map<Scope, Access> modify = FakeBigCommerce.everyScope(Access.MODIFY);
        Map<Scope, Access> readOnly = FakeBigCommerce.everyScope(Access.READ_ONLY);
        bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", modify)
                .token(READ_ONLY_TOKEN, "abc123", readOnly);
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        server = BotServer.start(TestConfig.slack(Files.createTempDirectory(dataDir, "run"), slack.url(),
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
            assertThat(call.params().toString()).as(call.method() + " sent to Slack")
                    .doesNotContain(TOKEN).doesNotContain(READ_ONLY_TOKEN);
        }
        for (String id : slack.viewIds()) {
            assertThat(slack.view(id).path("private_metadata").asText()).as("private_metadata")
                    .doesNotContain(TOKEN).doesNotContain(READ_ONLY_TOKEN).doesNotContain(CLIENT_ID).doesNotContain("abc123");
        }
        for (String ack : acknowledgements) {
            assertThat(ack).as("acknowledgement").doesNotContain(TOKEN).doesNotContain(READ_ONLY_TOKEN);
        }
        assertThat(logs.list).as("log lines at DEBUG").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).as("log line").doesNotContain(TOKEN).doesNotContain(READ_ONLY_TOKEN)
                    .doesNotContain(SlackJourneyTest.BOT_TOKEN);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Walks to the last step; returns its step message. */
    private Call lastStep() {
        return new SlackWalk(slack, requests, TEAM, MERCHANT).toLastStep(List.of("PRODUCTS", "ORDERS", "CUSTOMERS"));
    }

    private JsonNode ack(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        acknowledgements.add(response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private Call stepMessage(int after, String text) {
        return slack.await(after, c -> c.ok() && c.method().equals("chat.update") && c.param("channel").equals(DM)
                && c.blocksText().contains(text), "the DM step message showing " + text);
    }

    @Test
    void formErrorsInPlaceThenAReadOnlyReportThenTryAgainThenSuccess() throws Exception {
        Call last = lastStep();
        int mark = slack.calls().size();
        long clicked = System.nanoTime();
        requests.click(TEAM, MERCHANT, last, "open_form:6", List.of());
        Call opened = slack.await(mark, c -> c.method().equals("views.open") && c.ok(), "the modal");
        assertThat((System.nanoTime() - clicked) / 1_000_000).as("ms from click to views.open").isLessThan(3000);
        JsonNode form = slack.view(slack.viewIds().get(0));
        String viewId = form.path("id").asText();
        assertThat(form.path("title").path("text").asText()).hasSizeLessThanOrEqualTo(24);
        assertThat(form.path("private_metadata").asText()).isEqualTo("{\"dm\":\"" + DM + "\"}");
        assertThat(form.toString()).contains("\"block_id\":\"api_path\"").contains("\"block_id\":\"client_id\"")
                .contains("\"block_id\":\"access_token\"").contains("\"block_id\":\"pasted_file\"").contains("\"multiline\":true");
        assertThat(opened.json("view").path("submit").path("text").asText()).isEqualTo("Check my credentials");

        // Instant checks: the control-panel URL is refused under its own field, in the acknowledgement.
        JsonNode errors = ack(requests.submitView(TEAM, MERCHANT, form, Map.of(
                "api_path", "https://store-abc123.mybigcommerce.com/manage/dashboard",
                "client_id", CLIENT_ID, "access_token", TOKEN)));
        assertThat(errors.path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path("errors").path("api_path").asText()).contains("control panel").contains(API_PATH);
        errors.path("errors").fieldNames().forEachRemaining(block -> assertThat(form.toString()).contains("\"block_id\":\"" + block + "\""));

        // A read-only token: "checking" at once, then the report with fix-it lines replaces it.
        mark = slack.calls().size();
        JsonNode checking = ack(requests.submitView(TEAM, MERCHANT, form, Map.of(
                "api_path", API_PATH, "client_id", CLIENT_ID, "access_token", READ_ONLY_TOKEN)));
        assertThat(checking.path("response_action").asText()).isEqualTo("update");
        assertThat(checking.path("view").toString()).contains("Checking your credentials");
        slack.acknowledgedWithUpdate(viewId, checking.path("view"));
        Call report = slack.await(mark, c -> c.method().equals("views.update") && c.ok(), "the report in the modal");
        assertThat(report.param("view_id")).isEqualTo(viewId);
        JsonNode failed = slack.view(viewId);
        assertThat(failed.toString()).contains("some scopes need fixing").contains("Create API token")
                .contains("delete the old account").contains("open_form:6").contains("stuck:6");
        Call dmReport = stepMessage(mark, "some scopes need fixing");
        assertThat(dmReport.blocksText()).contains("open_form:6");
        assertThat(dmReport.param("ts")).isEqualTo(last.param("ts"));

        // Try again inside the modal: the form comes back in the same modal, empty, with a notice.
        mark = slack.calls().size();
        requests.clickInView(TEAM, MERCHANT, failed, "open_form:6");
        slack.await(mark, c -> c.method().equals("views.update") && c.ok() && c.blocksText().contains("pasted_file"), "the form again");
        JsonNode again = slack.view(viewId);
        assertThat(again.toString()).contains("never keep what you typed").doesNotContain(READ_ONLY_TOKEN);

        // The whole .txt file pasted: valid, and the success view replaces "checking".
        mark = slack.calls().size();
        JsonNode checkingAgain = ack(requests.submitView(TEAM, MERCHANT, again, Map.of("pasted_file",
                "CLIENT NAME: Migration to BigCommerce\nAPI PATH: " + API_PATH + "\nCLIENT ID: " + CLIENT_ID
                        + "\nCLIENT SECRET: " + "0123456789abcdef".repeat(4) + "\nACCESS TOKEN: " + TOKEN + "\n")));
        assertThat(checkingAgain.path("response_action").asText()).isEqualTo("update");
        slack.acknowledgedWithUpdate(viewId, checkingAgain.path("view"));
        slack.await(mark, c -> c.method().equals("views.update") && c.ok() && c.blocksText().contains("All set"), "the success view");
        JsonNode success = slack.view(viewId);
        assertThat(success.toString()).contains("Plant Parlour").contains("plantparlour.example").doesNotContain("open_form");
        assertThat(success.path("close").path("text").asText()).isEqualTo("Done");
        stepMessage(mark, "All set");
        for (String id : slack.viewIds()) {
            assertThat(BlockKitLimits.view(slack.view(id))).isEmpty();
        }
    }

    @Test
    void anExpiredTriggerAsksTheMerchantToPressTheButtonAgain() throws Exception {
        Call last = lastStep();
        requests.triggersIssuedAgo(FakeSlackApi.TRIGGER_LIFETIME.toMillis() + 1000);
        int mark = slack.calls().size();
        requests.click(TEAM, MERCHANT, last, "open_form:6", List.of());
        slack.await(mark, c -> c.method().equals("views.open") && !c.ok(), "the refused views.open");
        Call notice = slack.await(mark, c -> c.method().equals("chat.postEphemeral") && c.param("text").contains("press"),
                "the press-again notice");
        assertThat(notice.param("channel")).isEqualTo(DM);
        assertThat(notice.param("text")).contains("Open the secure form");

        requests.triggersIssuedAgo(0);
        mark = slack.calls().size();
        requests.click(TEAM, MERCHANT, last, "open_form:6", List.of());
        slack.await(mark, c -> c.method().equals("views.open") && c.ok(), "the modal on the second press");
    }
}
