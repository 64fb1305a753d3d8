package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.handoff.WebhookReceiver;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import dev.bcsetup.teams.CardChecks;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.FakeMicrosoftLogin;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import dev.bcsetup.teams.TokenMinter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret, everywhere it must not be. Complete journeys run with every logger at DEBUG: a Slack merchant, a Teams
 * merchant and a playground visitor each send a wrong token, then a read-only one, then the whole .txt file (client
 * secret included); the hand-offs reach the Slack and Teams engineers' channels and a signed webhook; an engineer
 * reveals one in Slack and in Teams, a bystander is refused in both, two are marked received, and the merchants type
 * {@code forget}. Then each secret (the access tokens, the client ID, the client secret, the Slack bot token and
 * signing secret, the Microsoft app password, the CREDENTIALS_KEY material, the webhook secret), as written and
 * URL-encoded, JSON-escaped, in hex and in base64 at every alignment, is looked for in every log line, every request
 * Slack, the Bot Connector, BigCommerce and Microsoft's login received (headers included), every answer the bot gave,
 * every webhook request, and the database: the raw bytes of H2's files, and (the same journeys again on PostgreSQL)
 * a dump of every row.
 *
 * <p>The only places allowed to hold one: the reveal shown to the authorised engineer (one Slack modal, one Teams
 * dialog), the webhook body's {@code credentials.accessToken} and {@code credentials.clientId}, and what each service
 * must be sent to do its job (the bot token in Slack's Authorization header, the app password in the token request to
 * Microsoft's login, the access token and client ID in BigCommerce's X-Auth headers). The test asserts that each of
 * those does hold its secret, so the scan is seen to find what is there.
 */
class SecretsScanTest {

    private static final String ACCESS_TOKEN = "scanvalidtoken0a1b2c3d4e5f6g7h8";
    private static final String READ_ONLY_TOKEN = "scanreadonly0a1b2c3d4e5f6g7h8i9";
    private static final String WRONG_TOKEN = "scanwrongtoken0a1b2c3d4e5f6g7h8";
    private static final String CLIENT_ID = "scanclientid0a1b2c3d4e5f6g7h8i9";
    private static final String CLIENT_SECRET = "5ca15ec7".repeat(8);
    private static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
    private static final String BOT_TOKEN = "xoxb-5150-2626-ScanBotTokenQz7";
    private static final String SIGNING_SECRET = "5ca1ab1e0ddba115c0ffee0dd5ca1ab1";
    private static final String APP_ID = "3f2a1b0c-5d4e-4f6a-8b7c-9d0e1f2a3b4c";
    private static final String APP_PASSWORD = "ScanAppPassword~Teams.8f3Kq";
    private static final String WEBHOOK_SECRET = "scan-webhook-secret-Vq93Lm";
    private static final byte[] KEY = sha256("the secrets scan's CREDENTIALS_KEY");
    private static final String CREDENTIALS_KEY = "k1:" + Base64.getEncoder().encodeToString(KEY);

    private static final String TEAM = FakeSlackApi.TEAM;
    private static final String ENGINEERS_CHANNEL = "C0ENGINEERS";
    private static final String SLACK_MERCHANT = "U0SCANMRCH1";
    private static final String SLACK_ENGINEER = "U0SCANENGR1";
    private static final String SLACK_BYSTANDER = "U0SCANBYST1";
    private static final String TEAMS_ENGINEERS = "19:scan-engineers@thread.tacv2";
    private static final Person TEAMS_MERCHANT = new Person("29:1scan-merchant", "Mia Merchant");
    private static final Person TEAMS_ENGINEER = new Person("29:1scan-engineer", "Eli Engineer");
    private static final Person TEAMS_BYSTANDER = new Person("29:1scan-bystander", "Bo Bystander");
    private static final Pattern REFERENCE = Pattern.compile("BC-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pasted .txt file, as BigCommerce offers it for download when the API account is created. */
    private static final String TXT_FILE = "CLIENT NAME: Migration to BigCommerce\nAPI PATH: " + API_PATH + "\nCLIENT ID: "
            + CLIENT_ID + "\nCLIENT SECRET: " + CLIENT_SECRET + "\nACCESS TOKEN: " + ACCESS_TOKEN + "\n";

    @TempDir
    Path work;

    private FakeSlackApi slack;
    private FakeBotConnector connector;
    private Wiretap front;
    private Wiretap slackTap;
    private Wiretap connectorTap;
    private final Map<String, Long> scanned = new TreeMap<>();

    @Test
    void onH2NoSecretAnywhereButTheRevealTheHandOffAndTheServicesThatNeedIt() throws Exception {
        journeysThenScan(Optional.empty());
    }

    @Test
    void onPostgresqlNoSecretAnywhereButTheRevealTheHandOffAndTheServicesThatNeedIt() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            journeysThenScan(Optional.of(postgres));
        }
    }

    /** Runs every journey on H2 in the data folder, or on {@code postgres}; then scans everything they left. */
    private void journeysThenScan(Optional<EmbeddedPostgres> postgres) throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        LogCapture logs = LogCapture.everythingAtDebug();
        FakeBigCommerce bigCommerce = FakeBigCommerce.start().store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(ACCESS_TOKEN, "abc123", FakeBigCommerce.everyScope(Access.MODIFY))
                .token(READ_ONLY_TOKEN, "abc123", FakeBigCommerce.everyScope(Access.READ_ONLY));
        slack = new FakeSlackApi(BOT_TOKEN, "C0GENERAL01", ENGINEERS_CHANNEL);
        connector = new FakeBotConnector();
        FakeMicrosoftLogin login = FakeMicrosoftLogin.start(work);
        TokenMinter channel = new TokenMinter("scan-key-1");
        String metadata = channel.publish(connector);
        WebhookReceiver webhook = new WebhookReceiver(WEBHOOK_SECRET, Clock.systemUTC()).start();
        slackTap = Wiretap.to(slack.url());
        connectorTap = Wiretap.to(connector.serviceUrl());
        Wiretap webhookTap = Wiretap.to("http://127.0.0.1:" + webhook.url().getPort());
        List<String> database = postgres.map(pg -> List.of("DATABASE_URL", pg.getJdbcUrl("postgres", "postgres"))).orElse(List.of());
        BotServer server = BotServer.start(TestConfig.local(data, Stream.concat(database.stream(), Stream.of(
                "SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slackTap.url(),
                "MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", APP_PASSWORD, "MICROSOFT_OPENID_METADATA_URL", metadata,
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString(),
                "CREDENTIALS_KEY", CREDENTIALS_KEY,
                "HANDOFF_SLACK_CHANNEL", ENGINEERS_CHANNEL, "HANDOFF_TEAMS_CHANNEL", TEAMS_ENGINEERS,
                "HANDOFF_WEBHOOK_URL", webhookTap.url() + "hand-offs", "HANDOFF_WEBHOOK_SECRET", WEBHOOK_SECRET,
                "ENGINEERS", SLACK_ENGINEER + "," + TeamsActivities.aadObjectId(TEAMS_ENGINEER))).toArray(String[]::new)),
                Clock.systemUTC());
        front = Wiretap.to("http://127.0.0.1:" + server.port());
        SlackRequests requests = new SlackRequests(SIGNING_SECRET, URI.create(front.url() + "slack/events"));
        TeamsWalk teams = new TeamsWalk(front.port(), new TeamsActivities(connectorTap.url()), connector,
                () -> channel.token(APP_ID, connectorTap.url(), Instant.now(), Duration.ofHours(1)));
        List<String> lines;
        try {
            // Teams first: its first activity tells the bot where the Bot Connector is, for the engineers' channel.
            Chat teamsChat = Chat.personal("a:1scan-teams");
            String teamsReference = teamsMerchant(teams, teamsChat);
            String slackReference = slackMerchant(requests);
            String playgroundReference = playgroundVisitor();

            await("three hand-offs at the webhook", () -> webhook.accepted().size() == 3);
            Call slackNotice = slack.await(0, c -> c.ok() && c.method().equals("chat.postMessage")
                    && ENGINEERS_CHANNEL.equals(c.param("channel")) && c.blocksText().contains(slackReference), "the hand-off in Slack");
            await("three hand-offs in the Teams engineers' channel", () -> engineersCards().size() == 3);

            // Reveals: the engineer sees the secret (in Slack, then in Teams), the bystander does not.
            assertThat(slackReveal(requests, slackNotice, SLACK_ENGINEER)).contains(ACCESS_TOKEN).contains(CLIENT_ID);
            assertThat(slackReveal(requests, slackNotice, SLACK_BYSTANDER)).contains("Only the migration engineers")
                    .doesNotContain(ACCESS_TOKEN);
            FakeBotConnector.Call slackCard = engineersCard(slackReference);
            assertThat(teamsReveal(teams, slackCard, TEAMS_ENGINEER).toString()).contains(ACCESS_TOKEN).contains(CLIENT_ID);
            assertThat(teamsReveal(teams, slackCard, TEAMS_BYSTANDER).toString()).contains("Only the migration engineers")
                    .doesNotContain(ACCESS_TOKEN);

            // Mark received: the Slack hand-off in Slack, the playground's in Teams.
            int mark = slack.calls().size();
            requests.clickAction(TEAM, SLACK_ENGINEER, slackNotice, "handoff.received");
            slack.await(mark, c -> c.method().equals("chat.update") && ENGINEERS_CHANNEL.equals(c.param("channel"))
                    && c.blocksText().contains("Received by"), "received in Slack");
            FakeBotConnector.Call playgroundCard = engineersCard(playgroundReference);
            teams.send(teams.activities().press(Chat.channel(TEAMS_ENGINEERS), TEAMS_ENGINEER, playgroundCard.id(),
                    handOffData("received", handOffId(playgroundCard))));

            // Forget: the Teams merchant's hand-off was not received yet and is withdrawn; the Slack one was.
            teams.send(teams.activities().text(teamsChat, TEAMS_MERCHANT, "forget"));
            mark = slack.calls().size();
            requests.slashCommand(TEAM, SLACK_MERCHANT, "D" + SLACK_MERCHANT.substring(1), "forget");
            slack.await(mark, c -> c.ok() && ("D" + SLACK_MERCHANT.substring(1)).equals(c.param("channel")), "the answer to forget");
            assertThat(teamsReference).isNotEqualTo(slackReference);
            awaitQuiet(List.of(front, slackTap, connectorTap, webhookTap));
        } finally {
            server.close();
            lines = logs.lines();
            logs.close();
        }
        try {
            SecretScanner secrets = secrets();
            scanLogs(secrets, lines);
            scanSlack(secrets);
            scanConnector(secrets, login);
            scanAnswers(secrets);
            scanWebhook(secrets, webhookTap);
            scanBigCommerce(secrets, bigCommerce);
            scanLogin(secrets, login);
            scanDatabaseFiles(secrets, data, postgres.isEmpty());
            if (postgres.isPresent()) {
                scanRows(secrets, postgres.get());
            }
            System.out.println("SecretsScanTest on " + (postgres.isPresent() ? "PostgreSQL" : "H2") + " scanned: " + scanned + ", " + secrets.scannedChars() + " characters in all");
        } finally {
            Stream.of(front, slackTap, connectorTap, webhookTap).forEach(Wiretap::close);
            webhook.close();
            login.close();
            connector.close();
            slack.close();
            bigCommerce.close();
        }
    }

    // ---- The journeys --------------------------------------------------------------------------------------------

    /** Wrong token, read-only token, then the .txt file, through the Teams dialog; returns the hand-off's reference. */
    private String teamsMerchant(TeamsWalk teams, Chat chat) {
        String cardId = teams.toLastStep(chat, TEAMS_MERCHANT);
        ObjectNode open = TeamsWalk.data("open_form:6", TEAMS_MERCHANT);
        open.putObject("msteams").put("type", "task/fetch");
        JsonNode form = TeamsWalk.dialogCard(teams.invoke(chat, TEAMS_MERCHANT, "task/fetch", cardId, open));
        assertThat(CardChecks.elements(form, "Input.Text")).hasSize(4);
        JsonNode wrong = TeamsWalk.dialogCard(teams.invoke(chat, TEAMS_MERCHANT, "task/submit", cardId, TeamsWalk.submit(TEAMS_MERCHANT,
                Map.of("apiPath", API_PATH, "clientId", CLIENT_ID, "accessToken", WRONG_TOKEN))));
        assertThat(wrong.toString()).as("the report on a wrong token").doesNotContain("All set").doesNotContain(WRONG_TOKEN);
        JsonNode readOnly = TeamsWalk.dialogCard(teams.invoke(chat, TEAMS_MERCHANT, "task/submit", cardId, TeamsWalk.submit(
                TEAMS_MERCHANT, Map.of("apiPath", API_PATH, "clientId", CLIENT_ID, "accessToken", READ_ONLY_TOKEN))));
        assertThat(readOnly.toString()).as("the report on a read-only token").contains("Modify");
        JsonNode valid = TeamsWalk.dialogCard(teams.invoke(chat, TEAMS_MERCHANT, "task/submit", cardId,
                TeamsWalk.submit(TEAMS_MERCHANT, Map.of("pastedFile", TXT_FILE))));
        return reference(valid.toString(), "the Teams receipt");
    }

    /** The same three through the Slack modal, with Try again between them; returns the hand-off's reference. */
    private String slackMerchant(SlackRequests requests) throws IOException {
        SlackWalk walk = new SlackWalk(slack, requests, TEAM, SLACK_MERCHANT);
        JsonNode form = walk.openForm(walk.toLastStep(List.of("PRODUCTS", "ORDERS")));
        String viewId = form.path("id").asText();
        JsonNode report = submitInSlack(requests, form, Map.of("api_path", API_PATH, "client_id", CLIENT_ID, "access_token", WRONG_TOKEN));
        form = tryAgainInSlack(requests, report);
        report = submitInSlack(requests, form, Map.of("api_path", API_PATH, "client_id", CLIENT_ID, "access_token", READ_ONLY_TOKEN));
        assertThat(report.toString()).contains("some scopes need fixing");
        form = tryAgainInSlack(requests, report);
        report = submitInSlack(requests, form, Map.of("pasted_file", TXT_FILE));
        assertThat(report.toString()).contains("All set");
        assertThat(slack.view(viewId).toString()).contains("All set");
        return reference(report.toString(), "the Slack success view");
    }

    private JsonNode submitInSlack(SlackRequests requests, JsonNode form, Map<String, String> values) throws IOException {
        String viewId = form.path("id").asText();
        int mark = slack.calls().size();
        JsonNode ack = JSON.readTree(requests.submitView(TEAM, SLACK_MERCHANT, form, values).body());
        assertThat(ack.path("response_action").asText()).as("the acknowledgement %s", ack).isEqualTo("update");
        slack.acknowledgedWithUpdate(viewId, ack.path("view"));
        slack.await(mark, c -> c.ok() && c.method().equals("views.update") && viewId.equals(c.param("view_id")), "the report");
        return slack.view(viewId);
    }

    private JsonNode tryAgainInSlack(SlackRequests requests, JsonNode report) {
        int mark = slack.calls().size();
        requests.clickInView(TEAM, SLACK_MERCHANT, report, "open_form:6");
        slack.await(mark, c -> c.ok() && c.method().equals("views.update") && c.blocksText().contains("pasted_file"), "the form again");
        return slack.view(report.path("id").asText());
    }

    /** The same three in the local playground, a browser with a cookie; returns the hand-off's reference. */
    private String playgroundVisitor() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        page(browser, null, null);
        page(browser, "/playground", "action=" + encode("choose_direction:0:TO_BIGCOMMERCE"));
        page(browser, "/playground", "action=" + encode("next:0") + "&data-shown=1&data=PRODUCTS");
        for (int index = 1; index < 6; index++) {
            page(browser, "/playground", "action=" + encode("next:" + index));
        }
        String wrong = page(browser, "/playground/credentials", form(API_PATH, CLIENT_ID, WRONG_TOKEN, ""));
        assertThat(wrong).doesNotContain("All set");
        String readOnly = page(browser, "/playground/credentials", form(API_PATH, CLIENT_ID, READ_ONLY_TOKEN, ""));
        assertThat(readOnly).contains("Modify");
        String valid = page(browser, "/playground/credentials", form("", "", "", TXT_FILE));
        return reference(valid, "the playground's receipt");
    }

    /** Posts {@code body} to {@code route} (when given), then loads the page as the browser does after the redirect. */
    private String page(HttpClient browser, String route, String body) throws Exception {
        if (route != null) {
            HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(front.url() + route.substring(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as("POST %s", route).isEqualTo(303);
        }
        HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(URI.create(front.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).isEqualTo(200);
        return shown.body();
    }

    private static String form(String apiPath, String clientId, String token, String file) {
        return "api_path=" + encode(apiPath) + "&client_id=" + encode(clientId) + "&access_token=" + encode(token)
                + "&pasted_file=" + encode(file);
    }

    private String slackReveal(SlackRequests requests, Call notice, String who) {
        int mark = slack.calls().size();
        requests.clickAction(TEAM, who, notice, "handoff.reveal");
        return slack.await(mark, c -> c.ok() && c.method().equals("views.update")
                && c.json("view").path("callback_id").asText().equals("bc.reveal"), "the reveal for " + who).blocksText();
    }

    private JsonNode teamsReveal(TeamsWalk teams, FakeBotConnector.Call card, Person who) {
        ObjectNode data = handOffData("reveal", handOffId(card));
        data.putObject("msteams").put("type", "task/fetch");
        return teams.invoke(Chat.channel(TEAMS_ENGINEERS), who, "task/fetch", card.id(), data);
    }

    private List<FakeBotConnector.Call> engineersCards() {
        return connector.calls().stream().filter(c -> c.conversationId().equals(TEAMS_ENGINEERS) && c.isCard()
                && c.method().equals("POST")).toList();
    }

    private FakeBotConnector.Call engineersCard(String reference) {
        return engineersCards().stream().filter(c -> c.card().toString().contains(reference)).findFirst().orElseThrow();
    }

    private static String handOffId(FakeBotConnector.Call card) {
        return CardChecks.elements(card.card(), "Action.Submit").stream().map(b -> b.path("data"))
                .filter(d -> d.path("handoff").asText().equals("reveal")).map(d -> d.path("id").asText()).findFirst().orElseThrow();
    }

    private static ObjectNode handOffData(String kind, String handOffId) {
        return JSON.createObjectNode().put("handoff", kind).put("id", handOffId);
    }

    private static String reference(String text, String where) {
        Matcher found = REFERENCE.matcher(text);
        assertThat(found.find()).as("a hand-off reference on %s", where).isTrue();
        return found.group();
    }

    // ---- The scan ------------------------------------------------------------------------------------------------

    private static SecretScanner secrets() {
        SecretScanner scanner = new SecretScanner();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("access token", ACCESS_TOKEN);
        secrets.put("read-only token", READ_ONLY_TOKEN);
        secrets.put("wrong token", WRONG_TOKEN);
        secrets.put("client ID", CLIENT_ID);
        secrets.put("client secret", CLIENT_SECRET);
        secrets.put("Slack bot token", BOT_TOKEN);
        secrets.put("Slack signing secret", SIGNING_SECRET);
        secrets.put("Microsoft app password", APP_PASSWORD);
        secrets.put("webhook secret", WEBHOOK_SECRET);
        secrets.put("CREDENTIALS_KEY", CREDENTIALS_KEY);
        secrets.put("CREDENTIALS_KEY's key", Base64.getEncoder().encodeToString(KEY));
        secrets.forEach((name, secret) -> watch(scanner, name, secret.getBytes(StandardCharsets.UTF_8)));
        watch(scanner, "CREDENTIALS_KEY's key bytes", KEY);
        return scanner;
    }

    /** The secret as written, URL-encoded, JSON-escaped, in hex, and in base64 (both alphabets) at every alignment. */
    private static void watch(SecretScanner scanner, String name, byte[] secret) {
        String text = new String(secret, StandardCharsets.ISO_8859_1);
        scanner.add(name + " (as is)", text);
        String utf8 = new String(secret, StandardCharsets.UTF_8);
        scanner.add(name + " (URL-encoded)", URLEncoder.encode(utf8, StandardCharsets.UTF_8));
        String json = new TextNode(utf8).toString();
        scanner.add(name + " (JSON-escaped)", json.substring(1, json.length() - 1));
        scanner.add(name + " (hex)", HexFormat.of().formatHex(secret));
        scanner.add(name + " (HEX)", HexFormat.of().withUpperCase().formatHex(secret));
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + secret.length];
            System.arraycopy(secret, 0, shifted, offset, secret.length);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(shifted);
                // Only the characters that depend on the secret's bytes alone, whatever comes before and after it.
                scanner.add(name + " (base64)", encoded.substring(offset == 0 ? 0 : 4, encoded.length() - 4));
            }
        }
    }

    private static String base(String label) {
        return label.substring(0, label.indexOf(" ("));
    }

    private void count(String what, long amount) {
        scanned.merge(what, amount, Long::sum);
    }

    private static void assertClean(SecretScanner secrets, String where, String text) {
        assertThat(secrets.find(text)).as("secrets in %s:%n%s", where, text.length() > 3000 ? text.substring(0, 3000) + "..." : text)
                .isEmpty();
    }

    private void scanLogs(SecretScanner secrets, List<String> lines) {
        for (String line : lines) {
            assertClean(secrets, "a log line", line);
        }
        assertThat(lines).as("log lines at DEBUG").hasSizeGreaterThan(1_000);
        count("log lines", lines.size());
    }

    /** Every request to Slack's Web API; the reveal modal of the one authorised engineer alone may hold the secret. */
    private void scanSlack(SecretScanner secrets) {
        int revealsWithTheSecret = 0;
        for (Wiretap.Exchange request : slackTap.exchanges()) {
            assertThat(request.requestHeaders().get("authorization")).as("%s", request.uri()).containsExactly("Bearer " + BOT_TOKEN);
            assertClean(secrets, "the headers of " + request.uri(), withoutAuthorization(request.requestHeaders()).toString());
            Set<String> found = secrets.find(request.requestText());
            if (request.uri().endsWith("/views.update") && request.requestText().contains("bc.reveal") && !found.isEmpty()) {
                assertThat(found).extracting(SecretsScanTest::base).as("what the reveal shows").containsOnly("access token", "client ID");
                revealsWithTheSecret++;
            } else {
                assertThat(found).as("secrets sent to Slack in %s: %s", request.uri(), request.requestText()).isEmpty();
            }
            count("requests to Slack", 1);
        }
        assertThat(revealsWithTheSecret).as("the engineer's reveal modal, found by the scan").isEqualTo(1);
    }

    /** Every request to the Bot Connector, whose Authorization header carries a token from Microsoft's login. */
    private void scanConnector(SecretScanner secrets, FakeMicrosoftLogin login) {
        List<String> loginTokens = login.tokens().stream().map(token -> "Bearer " + token).toList();
        for (Wiretap.Exchange request : connectorTap.exchanges()) {
            assertThat(request.requestHeaders().get("authorization")).as("%s", request.uri()).singleElement().isIn(loginTokens);
            assertClean(secrets, "the headers of " + request.uri(), withoutAuthorization(request.requestHeaders()).toString());
            assertClean(secrets, "a message to Teams " + request.uri(), request.requestText());
            count("requests to the Bot Connector", 1);
        }
        assertThat(connectorTap.exchanges()).as("messages to Teams").hasSizeGreaterThan(10);
    }

    /** Every answer the bot gave; only the authorised engineer's reveal dialog may hold the secret. */
    private void scanAnswers(SecretScanner secrets) throws IOException {
        int revealsWithTheSecret = 0;
        for (Wiretap.Exchange exchange : front.exchanges()) {
            assertClean(secrets, "the answer's headers to " + exchange.uri(), exchange.status() + " " + exchange.responseHeaders());
            Set<String> found = secrets.find(exchange.responseText());
            if (isRevealBy(exchange, TEAMS_ENGINEER) && !found.isEmpty()) {
                assertThat(found).extracting(SecretsScanTest::base).as("what the reveal shows").containsOnly("access token", "client ID");
                revealsWithTheSecret++;
            } else {
                assertThat(found).as("secrets in the answer to %s %s: %s", exchange.method(), exchange.uri(), exchange.responseText())
                        .isEmpty();
            }
            count("answers from the bot", 1);
            count("bytes in the bot's answers", exchange.responseBody().length);
        }
        assertThat(revealsWithTheSecret).as("the engineer's reveal dialog, found by the scan").isEqualTo(1);
    }

    private static boolean isRevealBy(Wiretap.Exchange exchange, Person engineer) throws IOException {
        if (!exchange.uri().startsWith("/api/messages")) {
            return false;
        }
        JsonNode activity = JSON.readTree(exchange.requestBody());
        return activity.path("type").asText().equals("invoke") && activity.path("from").path("id").asText().equals(engineer.id())
                && activity.path("value").path("data").path("handoff").asText().equals("reveal");
    }

    /**
     * Every webhook request. The hand-off payload carries the credentials in {@code credentials} by design: its
     * {@code accessToken} and {@code clientId} must be exactly what the merchant sent, and nothing else in it (nor in
     * the headers) may hold a secret.
     */
    private void scanWebhook(SecretScanner secrets, Wiretap webhookTap) throws IOException {
        for (Wiretap.Exchange request : webhookTap.exchanges()) {
            assertClean(secrets, "the webhook's headers", request.requestHeaders().toString());
            ObjectNode payload = (ObjectNode) JSON.readTree(request.requestBody());
            ObjectNode credentials = (ObjectNode) payload.path("credentials");
            assertThat(credentials.path("accessToken").asText()).isEqualTo(ACCESS_TOKEN);
            assertThat(credentials.path("clientId").asText()).isEqualTo(CLIENT_ID);
            assertThat(secrets.find(request.requestText())).extracting(SecretsScanTest::base).as("the secrets in the webhook body")
                    .contains("access token", "client ID");
            credentials.remove(List.of("accessToken", "clientId"));
            assertClean(secrets, "the webhook body beside its credentials", payload.toString());
            count("webhook requests", 1);
        }
        assertThat(webhookTap.exchanges()).as("webhook requests").hasSizeGreaterThanOrEqualTo(3);
    }

    /** BigCommerce is sent the token and client ID it checks, in its X-Auth headers, and nothing else secret. */
    private void scanBigCommerce(SecretScanner secrets, FakeBigCommerce bigCommerce) {
        Set<String> tokens = Set.of(ACCESS_TOKEN, READ_ONLY_TOKEN, WRONG_TOKEN);
        for (FakeBigCommerce.RecordedRequest request : bigCommerce.requests()) {
            assertThat(request.header("X-Auth-Token")).isIn(tokens);
            Map<String, List<String>> others = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            others.putAll(request.headers());
            others.remove("X-Auth-Token");
            Optional.ofNullable(request.header("X-Auth-Client")).ifPresent(client -> {
                assertThat(client).isEqualTo(CLIENT_ID);
                others.remove("X-Auth-Client");
            });
            assertClean(secrets, "a request to BigCommerce", request.method() + " " + request.path() + "?" + request.query()
                    + " " + others + " " + request.body());
            count("requests to BigCommerce", 1);
        }
    }

    /** Microsoft's login is sent the app password, as the client secret of the token request, and nothing else secret. */
    private void scanLogin(SecretScanner secrets, FakeMicrosoftLogin login) {
        assertThat(login.requests()).as("token requests to Microsoft's login").isNotEmpty();
        for (FakeMicrosoftLogin.TokenRequest request : login.requests()) {
            assertThat(secrets.find(request.form().get("client_secret"))).extracting(SecretsScanTest::base)
                    .containsOnly("Microsoft app password");
            Map<String, String> rest = new TreeMap<>(request.form());
            rest.remove("client_secret");
            assertClean(secrets, "a token request to Microsoft's login", rest.toString());
            count("token requests to Microsoft's login", 1);
        }
    }

    /** The raw bytes of every file in the data folder (H2's database among them) after the server closed. */
    private void scanDatabaseFiles(SecretScanner secrets, Path data, boolean h2) throws IOException {
        SecretScanner marker = new SecretScanner().add("the Slack merchant's ID", SLACK_MERCHANT);
        boolean markerSeen = false;
        List<Path> files;
        try (Stream<Path> all = Files.walk(data)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(secrets.find(bytes)).as("secrets in the bytes of %s", file.getFileName()).isEmpty();
            markerSeen |= !marker.find(bytes).isEmpty();
            count("files in the data folder", 1);
            count("bytes in the data folder", bytes.length);
        }
        if (h2) {
            assertThat(markerSeen).as("the scan reads the database files' plain text (the merchant's ID is there)").isTrue();
        }
    }

    /** Every row of every table PostgreSQL holds, as text (binary columns as their raw bytes and in hex). */
    private void scanRows(SecretScanner secrets, EmbeddedPostgres postgres) throws SQLException {
        SecretScanner marker = new SecretScanner().add("the Slack merchant's ID", SLACK_MERCHANT);
        boolean markerSeen = false;
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("tables").contains("sessions");
            for (String table : tables) {
                try (Statement select = connection.createStatement();
                     ResultSet rows = select.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            row.append(' ').append(columns.getColumnName(column)).append('=');
                            if (columns.getColumnType(column) == Types.BINARY || columns.getColumnType(column) == Types.VARBINARY) {
                                byte[] bytes = rows.getBytes(column);
                                row.append(bytes == null ? "null" : new String(bytes, StandardCharsets.ISO_8859_1)
                                        + " " + HexFormat.of().formatHex(bytes));
                            } else {
                                row.append(rows.getString(column));
                            }
                        }
                        assertClean(secrets, "a row of " + table, row.toString());
                        markerSeen |= !marker.find(row).isEmpty();
                        count("database rows", 1);
                        count("characters in database rows", row.length());
                    }
                }
            }
        }
        assertThat(markerSeen).as("the row dump holds the merchant's ID, so it is the real data").isTrue();
    }

    private static Map<String, List<String>> withoutAuthorization(Map<String, List<String>> headers) {
        Map<String, List<String>> rest = new TreeMap<>(headers);
        rest.remove("authorization");
        return rest;
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** Waits until no tap has seen a new request for a second: the outbox and the follow-ups are done. */
    private static void awaitQuiet(List<Wiretap> taps) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY);
        int seen = -1;
        Instant quietSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            int now = taps.stream().mapToInt(tap -> tap.exchanges().size()).sum();
            if (now != seen) {
                seen = now;
                quietSince = Instant.now();
            } else if (Duration.between(quietSince, Instant.now()).toMillis() >= 1_000) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bot never went quiet");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
