package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.teams.CardChecks;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.FakeBotConnector.Call;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a merchant's first message in Teams to an engineer revealing the credentials: the hand-off reaches the
 * engineers channel through the outbox as a card with masked values, an engineer in ENGINEERS reveals the secret
 * in a dialog (ENGINEERS lists Teams users by AAD object id), anyone else is refused, and Mark received goes through.
 */
class TeamsHandOffJourneyTest {

    @TempDir
    static Path dataDir;

    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
    private static final String ENGINEERS_CHANNEL = "19:handoff-engineers@thread.tacv2";
    private static final Person MERCHANT = new Person("29:1handoff-merchant", "Mia Merchant");
    private static final Person ENGINEER = new Person("29:1handoff-engineer", "Eli Engineer");
    private static final Person BYSTANDER = new Person("29:1handoff-bystander", "Bo Bystander");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeBigCommerce bigCommerce;
    private static FakeBotConnector connector;
    private static BotServer server;
    private static TeamsActivities teams;
    private static LogCapture logs;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.attach();
        Map<Scope, Access> modify = FakeBigCommerce.everyScope(Access.MODIFY);
        bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", modify);
        connector = new FakeBotConnector();
        teams = new TeamsActivities(connector.serviceUrl());
        server = BotServer.start(TestConfig.local(dataDir,
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString(),
                "HANDOFF_TEAMS_CHANNEL", ENGINEERS_CHANNEL,
                "ENGINEERS", TeamsActivities.aadObjectId(ENGINEER)), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        logs.close();
        server.close();
        connector.close();
        bigCommerce.close();
    }

    @Test
    void aValidatedSetupReachesTheEngineersWhoAloneCanRevealIt() throws Exception {
        Chat chat = Chat.personal("a:1handoff-" + System.nanoTime());
        send(teams.installed(chat, MERCHANT));
        String cardId = connector.calls().get(0).id();
        send(teams.press(chat, MERCHANT, cardId, data("choose_direction:0:TO_BIGCOMMERCE")));
        send(teams.press(chat, MERCHANT, cardId, data("next:0").put("dataSets", "PRODUCTS")));
        for (int index = 1; index < 6; index++) {
            send(teams.press(chat, MERCHANT, cardId, data("next:" + index)));
        }
        ObjectNode submit = JSON.createObjectNode().put("dialog", "send").put("user", MERCHANT.id())
                .put("apiPath", API_PATH).put("clientId", CLIENT_ID).put("accessToken", TOKEN);
        JsonNode receipt = invoke(chat, MERCHANT, cardId, submit);
        String reference = receipt.toString().replaceAll("(?s).*Your reference is \\*\\*(BC-[0-9A-Z-]{9})\\*\\*.*", "$1");
        assertThat(reference).matches("BC-[0-9A-Z]{4}-[0-9A-Z]{4}");

        Call notice = awaitCall(c -> c.conversationId().equals(ENGINEERS_CHANNEL) && c.isCard()
                && c.card().toString().contains(reference));
        CardChecks.assertTeamsAccepts(notice.card());
        assertThat(notice.card().toString()).contains("Plant Parlour").contains("abc123")
                .doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4, 20));
        String handOffId = CardChecks.elements(notice.card(), "Action.Submit").stream()
                .map(b -> b.path("data")).filter(d -> d.path("handoff").asText().equals("reveal"))
                .map(d -> d.path("id").asText()).findFirst().orElseThrow();

        Chat channel = Chat.channel(ENGINEERS_CHANNEL);
        JsonNode refused = invoke(channel, BYSTANDER, notice.id(), handOffData("reveal", handOffId));
        assertThat(refused.toString()).contains("Only the migration engineers").doesNotContain(TOKEN);

        JsonNode revealed = invoke(channel, ENGINEER, notice.id(), handOffData("reveal", handOffId));
        assertThat(revealed.path("task").path("type").asText()).isEqualTo("continue");
        JsonNode secretCard = revealed.path("task").path("value").path("card").path("content");
        CardChecks.assertTeamsAccepts(secretCard);
        assertThat(secretCard.toString()).contains(reference).contains(TOKEN).contains(CLIENT_ID).contains(API_PATH);

        connector.clear();
        send(teams.press(channel, BYSTANDER, notice.id(), handOffData("received", handOffId)));
        assertThat(lastText()).contains("Only the migration engineers");
        connector.clear();
        send(teams.press(channel, ENGINEER, notice.id(), handOffData("received", handOffId)));
        assertThat(lastText()).contains("marked this hand-off as received");

        assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
    }

    private static ObjectNode data(String action) {
        return JSON.createObjectNode().put("action", action).put("user", MERCHANT.id());
    }

    private static ObjectNode handOffData(String kind, String handOffId) {
        ObjectNode data = JSON.createObjectNode().put("handoff", kind).put("id", handOffId);
        if (kind.equals("reveal")) {
            data.putObject("msteams").put("type", "task/fetch");
        }
        return data;
    }

    private Call awaitCall(java.util.function.Predicate<Call> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<Call> found = connector.calls().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the engineers channel never got the hand-off; calls: " + connector.calls());
    }

    private String lastText() throws InterruptedException {
        List<Call> calls = connector.awaitCalls(1, Duration.ofSeconds(10));
        return calls.get(calls.size() - 1).body().toString();
    }

    private JsonNode invoke(Chat chat, Person who, String cardId, ObjectNode data) throws Exception {
        String name = data.has("dialog") ? "task/submit" : "task/fetch";
        HttpResponse<String> response = post(teams.invoke(chat, who, name, cardId, data).toString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void send(JsonNode activity) throws Exception {
        assertThat(post(activity.toString()).statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
