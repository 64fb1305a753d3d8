package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.fuzz.HostileText;
import dev.bcsetup.fuzz.TrickyPaths;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text in every field of the Slack credential modal, sent as signed {@code view_submission}s from a seeded
 * corpus (a failure names its seed and form number): the token pasted where it belongs and where it does not, control
 * characters, lone surrogates, homoglyphs, near-miss API paths, a .txt file with its client secret. Each answer comes
 * within Slack's 3 seconds and is field errors naming the modal's own inputs, the "checking" view, or a short notice
 * (a check already running, too many checks); never a 500. No token or client secret shows in an answer, a log line
 * at DEBUG, or any call to Slack.
 */
class SlackModalFuzzTest {

    static final int FORMS = 300;
    private static final int FORMS_PER_MERCHANT = 25;
    private static final long SEED = 0x5_1ac_f022L;
    private static final int FIELD_MAX = 1_000;
    private static final Duration SLACK_WAITS = Duration.ofSeconds(3);
    private static final List<String> INPUTS = List.of("api_path", "client_id", "access_token", "pasted_file");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static FakeSlackApi slack;
    private static FakeBigCommerce bigCommerce;
    private static BotServer server;
    private static SlackRequests requests;
    private static LogCapture logs;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.everythingAtDebug();
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        bigCommerce = FakeBigCommerce.start().store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live");
        server = BotServer.start(TestConfig.slack(dataDir, slack.url(),
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()), Clock.systemUTC());
        requests = new SlackRequests(SlackJourneyTest.SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
    }

    @AfterAll
    static void stop() {
        logs.close();
        server.close();
        slack.close();
        bigCommerce.close();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void hostileTextInEveryFieldOfTheModalIsAnsweredCalmlyAndNeverEchoed() throws Exception {
        HostileText text = new HostileText(SEED);
        SecretScanner secrets = new SecretScanner().add("the bot token", SlackJourneyTest.BOT_TOKEN)
                .add("the signing secret", SlackJourneyTest.SIGNING_SECRET);
        List<String> answers = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        long slowest = 0;
        String merchant = null;
        JsonNode form = null;
        for (int i = 0; i < FORMS; i++) {
            String what = "form " + i + " of seed " + SEED;
            if (i % FORMS_PER_MERCHANT == 0) {
                merchant = String.format("U0FUZZ%04d", i / FORMS_PER_MERCHANT);
                SlackWalk walk = new SlackWalk(slack, requests, FakeSlackApi.TEAM, merchant);
                form = walk.openForm(walk.toLastStep(List.of("PRODUCTS")));
            }
            String token = text.alnum(24);
            String clientSecret = text.alnum(40);
            secrets.add("the token of " + what, token).add("the client secret of " + what, clientSecret);
            Map<String, String> values = hostileForm(text, token, clientSecret);

            int mark = slack.calls().size();
            long sent = System.nanoTime();
            HttpResponse<String> response = requests.submitView(FakeSlackApi.TEAM, merchant, form, values);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            slowest = Math.max(slowest, took);
            assertThat(took).as("%s: ms to answer (Slack waits 3 s)", what).isLessThan(SLACK_WAITS.toMillis());
            assertThat(response.statusCode()).as(what).isEqualTo(200);
            answers.add(response.body());
            String kind = classify(JSON.readTree(response.body()), what);
            kinds.merge(kind, 1, Integer::sum);
            if (kind.equals("checking")) {
                // The live check runs on: its report replaces the view before the next form is sent.
                String viewId = form.path("id").asText();
                slack.await(mark, c -> c.method().equals("views.update") && viewId.equals(c.param("view_id")), "the report, " + what);
            }
        }
        System.out.println("SlackModalFuzzTest: " + FORMS + " forms, answers " + kinds + ", slowest " + slowest + " ms");

        assertThat(kinds).as("every kind of answer came up").containsKeys("errors", "checking", "notice");
        for (String answer : answers) {
            assertThat(secrets.find(answer)).as("secrets in the answer %s", answer).isEmpty();
        }
        for (Call call : slack.calls()) {
            assertThat(secrets.find(call.params().toString())).as("secrets in %s sent to Slack", call.method()).isEmpty();
        }
        List<String> lines = logs.lines();
        for (String line : lines) {
            assertThat(secrets.find(line)).as("secrets in the log line %s", line).isEmpty();
        }
        assertThat(lines).as("log lines at DEBUG").hasSizeGreaterThan(FORMS)
                .noneMatch(line -> line.startsWith("dev.bcsetup.server.BotServer Request"));
        System.out.println("SlackModalFuzzTest: scanned " + lines.size() + " log lines, " + slack.calls().size()
                + " Web API calls and " + answers.size() + " answers, " + secrets.scannedChars() + " characters");
        assertThat(slack.problems()).as("payloads Slack would refuse").isEmpty();
    }

    /**
     * Hostile text in each input; the token and a .txt client secret go where a merchant might put them: the token
     * field, the wrong field, inside the pasted file, or mixed into junk.
     */
    private static Map<String, String> hostileForm(HostileText text, String token, String clientSecret) {
        Map<String, String> values = new HashMap<>();
        if (text.random().nextInt(8) == 0) {
            // Well formed, so it passes the instant checks and goes to BigCommerce (which does not know the token).
            values.put("api_path", text.pick(TrickyPaths.FINE));
            values.put("client_id", text.alnum(31));
            values.put("access_token", token + text.alnum(7));
            return values;
        }
        for (String input : INPUTS) {
            if (text.random().nextInt(6) > 0) {
                values.put(input, cap(text.next()));
            }
        }
        if (text.random().nextBoolean()) {
            values.put("api_path", "https://api.bigcommerce.com/stores/" + cap(text.next()) + "/v3/");
        }
        if (text.random().nextBoolean()) {
            values.put("client_id", text.alnum(31));
        }
        String pastedToken = text.random().nextBoolean() ? token + text.alnum(7) : cap(text.next()) + token + cap(text.next());
        switch (text.random().nextInt(5)) {
            case 0 -> values.put(text.pick(INPUTS), pastedToken);
            case 1 -> values.put("pasted_file", "API PATH: https://api.bigcommerce.com/stores/abc123/v3/\nCLIENT ID: "
                    + text.alnum(31) + "\nCLIENT SECRET: " + clientSecret + "\nACCESS TOKEN: " + pastedToken + "\n" + cap(text.next()));
            default -> values.put("access_token", pastedToken);
        }
        return values;
    }

    /** What the acknowledgement does, or a failure naming the form when it is none of the three calm answers. */
    private static String classify(JsonNode ack, String what) {
        String action = ack.path("response_action").asText();
        if (action.equals("errors")) {
            assertThat(ack.path("errors").size()).as("%s: errors name a field", what).isPositive();
            ack.path("errors").fields().forEachRemaining(error -> {
                assertThat(INPUTS).as("%s: an error under an input the modal has", what).contains(error.getKey());
                assertThat(error.getValue().asText()).as("%s: the message under %s", what, error.getKey()).isNotBlank();
            });
            return "errors";
        }
        assertThat(action).as("%s: the acknowledgement %s", what, ack).isEqualTo("update");
        JsonNode view = ack.path("view");
        assertThat(view.path("submit").isMissingNode()).as("%s: no form comes back to be sent again: %s", what, view).isTrue();
        if (view.toString().contains("Checking your credentials")) {
            return "checking";
        }
        assertThat(view.path("blocks").toString()).as("%s: a notice in the modal", what).isNotBlank();
        return "notice";
    }

    private static String cap(String value) {
        return value.length() > FIELD_MAX ? value.substring(0, FIELD_MAX) : value;
    }
}
