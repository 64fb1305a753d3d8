package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.fuzz.HostileText;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed, oversized, wrongly encoded and mis-signed requests against the real server, from a
 * seeded corpus (a failure names its seed and request number): each gets a 4xx or a clear answer within 5 seconds,
 * never a 500 or a stack trace, and no secret shows in an answer or a log line.
 */
class HostileInputTest {

    static final int PER_ROUTE = 2_000;
    static final int FORMS_PER_PATH = 300;
    private static final long SEED = 0x0b5e_55ed_f022L;
    private static final Duration PER_REQUEST = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
            "application/json; charset=iso-8859-1", "text/plain", "multipart/form-data; boundary=xyz", "application/xml",
            "application/x-www-form-urlencoded; charset=utf-16", "", "*/*", "application/json\r\nX-Injected: 1");

    @TempDir
    static Path dataDir;

    private static FakeSlackApi slack;
    private static FakeBotConnector connector;
    private static FakeBigCommerce bigCommerce;
    private static BotServer server;
    private static LogCapture logs;
    /** Everything secret this test sends: no answer or log line may hold any of them. */
    private static final List<String> secrets = new CopyOnWriteArrayList<>();
    private static final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        connector = new FakeBotConnector();
        bigCommerce = FakeBigCommerce.start().store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live");
        logs = LogCapture.attach();
        secrets.addAll(List.of(SlackJourneyTest.BOT_TOKEN, SlackJourneyTest.SIGNING_SECRET));
        server = BotServer.start(TestConfig.slack(dataDir, slack.url(),
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        try {
            System.out.println("HostileInputTest statuses by route: " + statuses);
            List<String> lines = logs.lines();
            assertThat(lines).as("no request failed inside the server")
                    .noneMatch(line -> line.startsWith("dev.bcsetup.server.BotServer Request"));
            for (String secret : secrets) {
                assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
            }
        } finally {
            logs.close();
            server.close();
            slack.close();
            connector.close();
            bigCommerce.close();
        }
    }

    @Test
    void slackEventsSurvivesMalformedAndMisSignedPayloads() throws Exception {
        HostileText text = new HostileText(SEED);
        List<byte[]> valid = List.of(slashCommand("to").getBytes(StandardCharsets.UTF_8),
                blockAction("next:0").getBytes(StandardCharsets.UTF_8),
                eventCallback().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < PER_ROUTE; i++) {
            byte[] body = switch (text.random().nextInt(6)) {
                case 0 -> text.invalidUtf8();
                case 1 -> text.next().getBytes(StandardCharsets.UTF_8);
                case 2 -> valid.get(text.random().nextInt(valid.size()));
                default -> text.mutate(valid.get(text.random().nextInt(valid.size())));
            };
            long now = System.currentTimeMillis() / 1000;
            String timestamp = Long.toString(now);
            String signature = slackSignature(timestamp, body);
            switch (text.random().nextInt(8)) {
                case 0 -> signature = "v0=" + text.alnum(64);
                case 1 -> timestamp = Long.toString(now - 301 - text.random().nextInt(100_000));
                case 2 -> signature = slackSignature(Long.toString(now - 1), body);
                case 3 -> timestamp = text.alnum(1 + text.random().nextInt(12));
                case 4 -> signature = "";
                default -> {
                    // correctly signed: the body itself must be refused or handled
                }
            }
            HttpRequest.Builder request = post("/slack/events", text.pick(CONTENT_TYPES), body)
                    .header("X-Slack-Request-Timestamp", timestamp.replaceAll("[\\r\\n]", ""))
                    .header("X-Slack-Signature", signature);
            expectCalm("/slack/events", request.build(), "request " + i + " of seed " + SEED + ": " + preview(body));
        }
    }

    @Test
    void apiMessagesSurvivesMalformedActivities() throws Exception {
        HostileText text = new HostileText(SEED + 1);
        TeamsActivities teams = new TeamsActivities(connector.serviceUrl());
        Person merchant = new Person("29:1fuzz-merchant", "Mia Merchant");
        Chat chat = Chat.personal("a:1fuzz");
        List<byte[]> valid = List.of(bytes(teams.text(chat, merchant, "start to")), bytes(teams.text(chat, merchant, "help")),
                bytes(teams.invoke(chat, merchant, "task/submit", null, JSON.createObjectNode().put("dialog", "send")
                        .put("user", merchant.id()).put("apiPath", "https://api.bigcommerce.com/stores/abc123/v3/"))),
                bytes(teams.press(chat, merchant, "1", JSON.createObjectNode().put("action", "next:0").put("user", merchant.id()))),
                bytes(teams.memberAdded(Chat.group("19:fuzz@thread.v2"), merchant, new Person("29:1new", "New"))));
        for (int i = 0; i < PER_ROUTE; i++) {
            byte[] body = switch (text.random().nextInt(6)) {
                case 0 -> text.invalidUtf8();
                case 1 -> text.next().getBytes(StandardCharsets.UTF_8);
                case 2 -> valid.get(text.random().nextInt(valid.size()));
                default -> text.mutate(valid.get(text.random().nextInt(valid.size())));
            };
            HttpRequest.Builder request = post("/api/messages", text.pick(CONTENT_TYPES), body);
            if (text.random().nextInt(4) == 0) {
                request.header("Authorization", "Bearer " + text.alnum(20) + "." + text.alnum(40) + "." + text.alnum(30));
            }
            expectCalm("/api/messages", request.build(), "request " + i + " of seed " + (SEED + 1) + ": " + preview(body));
        }
    }

    @Test
    void hostileTextInEveryCredentialFieldOfThePlaygroundAndTheTeamsDialog() throws Exception {
        HostileText text = new HostileText(SEED + 2);
        TeamsActivities teams = new TeamsActivities(connector.serviceUrl());
        for (int i = 0; i < FORMS_PER_PATH; i++) {
            String what = "form " + i + " of seed " + (SEED + 2);
            String secret = text.alnum(24);
            secrets.add(secret);
            // Each field stays under 8,000 characters so the form fits in 64 KB: oversized bodies have their own tests.
            String token = text.random().nextBoolean() ? secret + text.alnum(7) : cap(text.next()) + secret + cap(text.next());
            String path = text.random().nextBoolean() ? cap(text.next()) : "https://api.bigcommerce.com/stores/" + cap(text.next()) + "/v3/";
            String clientId = text.random().nextBoolean() ? cap(text.next()) : text.alnum(31);
            String file = text.random().nextInt(5) == 0 ? "ACCESS TOKEN: " + token + "\n" + cap(text.next()) : "";

            // A fresh playground visitor every 20 forms, so the live-check limit is met and crossed as well.
            if (i % 20 == 0) {
                http.send(HttpRequest.newBuilder(URI.create(base() + "/")).timeout(PER_REQUEST).build(),
                        HttpResponse.BodyHandlers.discarding());
                http.send(post("/playground", "application/x-www-form-urlencoded",
                        "action=choose_direction%3A0%3ATO_BIGCOMMERCE".getBytes(StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            String form = "api_path=" + encode(path) + "&client_id=" + encode(clientId) + "&access_token=" + encode(token)
                    + "&pasted_file=" + encode(file);
            expectCalm("/playground/credentials", post("/playground/credentials", "application/x-www-form-urlencoded",
                    form.getBytes(StandardCharsets.UTF_8)).build(), what);

            Person merchant = new Person("29:1fuzz-form-" + (i / 20), "Mia Merchant");
            Chat chat = Chat.personal("a:1fuzz-form-" + (i / 20));
            if (i % 20 == 0) {
                expectCalm("/api/messages", post("/api/messages", "application/json", bytes(teams.text(chat, merchant, "start to"))).build(), what);
            }
            ObjectNode data = JSON.createObjectNode().put("dialog", "send").put("user", merchant.id())
                    .put("apiPath", path).put("clientId", clientId).put("accessToken", token).put("pastedFile", file);
            expectCalm("/api/messages", post("/api/messages", "application/json",
                    bytes(teams.invoke(chat, merchant, "task/submit", null, data))).build(), what);
        }
        for (FakeBotConnector.Call call : connector.calls()) {
            for (String secret : secrets) {
                assertThat(call.toString()).as("a message to Teams").doesNotContain(secret);
            }
        }
    }

    /** Sends a request and checks the answer: in time, no 5xx, no stack trace, no secret. */
    private void expectCalm(String route, HttpRequest request, String what) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(route, r -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
        if (route.equals("/api/messages") && response.statusCode() == 502) {
            // The fake Bot Connector refused the bot's answer to a mangled conversation: a gateway error, logged as such.
            return;
        }
        assertThat(response.statusCode()).as("%s: %s", route, what).isLessThan(500);
        assertThat(response.body()).as("%s: %s", route, what).doesNotContain("Exception").doesNotContain("\tat ");
        for (String secret : secrets) {
            assertThat(response.body()).as("%s: %s", route, what).doesNotContain(secret);
        }
    }

    private HttpRequest.Builder post(String route, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + route)).timeout(PER_REQUEST)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String safe = contentType.replaceAll("[\\r\\n].*", "");
        return safe.isEmpty() ? builder : builder.header("Content-Type", safe);
    }

    private static String cap(String text) {
        return text.length() > 2_000 ? text.substring(0, 2_000) : text;
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String slackSignature(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SlackJourneyTest.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slashCommand(String text) {
        return "token=legacy&team_id=" + FakeSlackApi.TEAM + "&team_domain=acme&channel_id=D0FUZZ&channel_name=directmessage"
                + "&user_id=U0FUZZ&user_name=mia&command=%2Fbigcommerce-setup&text=" + text
                + "&api_app_id=A0FUZZ&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1"
                + "&trigger_id=1.2.abc";
    }

    private static String blockAction(String value) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", "U0FUZZ").put("team_id", FakeSlackApi.TEAM);
        payload.putObject("team").put("id", FakeSlackApi.TEAM);
        payload.putObject("channel").put("id", "D0FUZZ");
        payload.putObject("container").put("type", "message").put("message_ts", "1700000000.000100");
        payload.putArray("actions").addObject().put("action_id", "bc." + value).put("block_id", "nav")
                .put("value", value).put("type", "button");
        return "payload=" + encode(payload.toString());
    }

    private static String eventCallback() {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "event_callback").put("team_id", FakeSlackApi.TEAM).put("api_app_id", "A0FUZZ")
                .put("event_id", "Ev0FUZZ").put("event_time", 1700000000);
        body.putObject("event").put("type", "app_home_opened").put("user", "U0FUZZ").put("tab", "messages");
        return body.toString();
    }
}
