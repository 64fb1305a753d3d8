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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential dialog end to end: {@code task/fetch} and {@code task/submit} invokes over HTTP to the real server,
 * the live check against the fake BigCommerce, chat updates received by the fake Bot Connector. Every card is
 * checked against the Adaptive Card 1.5 schema, and no token ever appears in what the bot sends or logs.
 */
class TeamsDialogTest {

    @TempDir
    static Path dataDir;

    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String READ_ONLY_TOKEN = "readonly0123456789abcdefghijklm";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
    private static final Person MERCHANT = new Person("29:1dialog-merchant", "Mia Merchant");
    private static final Person AGENT = new Person("29:1dialog-agent", "Ada Agent");
    private static final Person CUSTOMER = new Person("29:1dialog-customer", "Cole Customer");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeBigCommerce bigCommerce;
    private static FakeBotConnector connector;
    private static BotServer server;
    private static TeamsActivities teams;
    private static LogCapture logs;
    private static final List<String> invokeAnswers = new ArrayList<>();
    private static final List<String> sentToConnector = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.attach();
        Map<Scope, Access> modify = FakeBigCommerce.everyScope(Access.MODIFY);
        Map<Scope, Access> readOnly = FakeBigCommerce.everyScope(Access.READ_ONLY);
        bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", modify)
                .token(READ_ONLY_TOKEN, "abc123", readOnly);
        connector = new FakeBotConnector();
        teams = new TeamsActivities(connector.serviceUrl());
        server = BotServer.start(TestConfig.local(dataDir, "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        try {
            List<String> everything = new ArrayList<>(invokeAnswers);
            everything.addAll(sentToConnector);
            everything.addAll(logs.lines());
            assertThat(invokeAnswers).as("invoke answers were scanned").isNotEmpty();
            assertThat(everything).as("no token in any card, invoke answer or log line")
                    .noneMatch(s -> s.contains(TOKEN) || s.contains(READ_ONLY_TOKEN) || s.contains(TOKEN.substring(0, 12)));
        } finally {
            logs.close();
            server.close();
            connector.close();
            bigCommerce.close();
        }
    }

    @BeforeEach
    void reset() {
        connector.clear();
        connector.throttleEvery(0);
    }

    @Test
    void merchantFixesTheFormThenSeesTheReadOnlyReportThenSucceeds() throws Exception {
        Chat chat = Chat.personal("a:1dialog-" + System.nanoTime());
        String cardId = walkToTheLastStep(chat, MERCHANT, MERCHANT, null);

        JsonNode opened = invoke(chat, MERCHANT, "task/fetch", cardId, buttonData("open_form:6", MERCHANT, null));
        JsonNode form = dialogCard(opened);
        assertThat(form.toString()).contains("API path").contains("Client ID");
        List<JsonNode> inputs = CardChecks.elements(form, "Input.Text");
        assertThat(inputs).extracting(i -> i.path("id").asText())
                .containsExactly("apiPath", "clientId", "accessToken", "pastedFile");
        assertThat(inputs.get(2).path("style").asText()).isEqualTo("password");
        assertThat(inputs.get(3).path("isMultiline").asBoolean()).isTrue();
        assertThat(CardChecks.elements(form, "Action.Submit")).singleElement()
                .satisfies(b -> assertThat(b.path("data").path("dialog").asText()).isEqualTo("send"));

        ObjectNode wrong = dialogData("send", MERCHANT, null)
                .put("apiPath", "https://store-abc123.mybigcommerce.com/manage/dashboard")
                .put("clientId", CLIENT_ID).put("accessToken", TOKEN);
        JsonNode rejected = dialogCard(invoke(chat, MERCHANT, "task/submit", cardId, wrong));
        assertThat(rejected.toString()).contains("control panel").contains(API_PATH).doesNotContain(TOKEN)
                .doesNotContain(CLIENT_ID);
        assertThat(CardChecks.elements(rejected, "Input.Text")).noneMatch(i -> i.has("value"));

        connector.clear();
        ObjectNode readOnly = dialogData("send", MERCHANT, null)
                .put("apiPath", API_PATH).put("clientId", CLIENT_ID).put("accessToken", READ_ONLY_TOKEN);
        JsonNode report = dialogCard(invoke(chat, MERCHANT, "task/submit", cardId, readOnly));
        assertThat(report.toString()).contains("Plant Parlour").contains("Modify");
        assertThat(CardChecks.elements(report, "TextBlock")).anyMatch(t -> t.path("color").asText().equals("Attention")
                && t.path("text").asText().startsWith("- "));
        JsonNode retry = CardChecks.elements(report, "Action.Submit").get(0);
        assertThat(retry.path("data").path("dialog").asText()).isEqualTo("retry");
        Call chatCard = onlyCall();
        assertThat(chatCard.method()).isEqualTo("PUT");
        assertThat(chatCard.activityId()).isEqualTo(cardId);
        CardChecks.assertTeamsAccepts(chatCard.card());
        assertThat(CardChecks.elements(chatCard.card(), "Action.Submit"))
                .anySatisfy(b -> assertThat(b.path("data").path("msteams").path("type").asText()).isEqualTo("task/fetch"));

        JsonNode again = dialogCard(invoke(chat, MERCHANT, "task/submit", cardId, (ObjectNode) retry.path("data").deepCopy()));
        assertThat(CardChecks.elements(again, "Input.Text")).hasSize(4);

        connector.clear();
        ObjectNode valid = dialogData("send", MERCHANT, null).put("pastedFile", "CLIENT NAME: Migration\nAPI PATH: "
                + API_PATH + "\nCLIENT ID: " + CLIENT_ID + "\nACCESS TOKEN: " + TOKEN + "\n");
        JsonNode success = dialogCard(invoke(chat, MERCHANT, "task/submit", cardId, valid));
        assertThat(success.toString()).contains("All set").contains("Plant Parlour")
                .containsPattern("Your reference is \\*\\*BC-[0-9A-Z]{4}-[0-9A-Z]{4}\\*\\*").contains("Store-level API accounts");
        assertThat(onlyCall().card().toString()).contains("All set");

        JsonNode closed = invokeRaw(chat, MERCHANT, "task/submit", cardId, dialogData("close", MERCHANT, null));
        assertThat(closed.isNull() || closed.isMissingNode()).as("closing answers without a task").isTrue();
    }

    @Test
    void inAnAgentLaunchedSetupOnlyTheCustomerGetsTheForm() throws Exception {
        Chat chat = Chat.group("19:dialog-group-" + System.nanoTime() + "@thread.v2");
        send(teams.text(chat, AGENT, "setup for <at>Cole Customer</at> to", CUSTOMER));
        String cardId = connector.calls().get(1).id();
        walkFrom(chat, CUSTOMER, cardId, AGENT, CUSTOMER);

        JsonNode refused = invoke(chat, AGENT, "task/fetch", cardId, buttonData("open_form:6", AGENT, CUSTOMER));
        assertThat(refused.path("task").path("type").asText()).isEqualTo("message");
        assertThat(refused.path("task").path("value").asText()).contains("Only the store's own person");

        ObjectNode agentSubmits = dialogData("send", AGENT, CUSTOMER)
                .put("apiPath", API_PATH).put("clientId", CLIENT_ID).put("accessToken", TOKEN);
        JsonNode alsoRefused = invoke(chat, AGENT, "task/submit", cardId, agentSubmits);
        assertThat(alsoRefused.path("task").path("value").asText()).contains("Only the store's own person");

        dialogCard(invoke(chat, CUSTOMER, "task/fetch", cardId, buttonData("open_form:6", AGENT, CUSTOMER)));
        ObjectNode customerSubmits = dialogData("send", AGENT, CUSTOMER)
                .put("apiPath", API_PATH).put("clientId", CLIENT_ID).put("accessToken", TOKEN);
        JsonNode success = dialogCard(invoke(chat, CUSTOMER, "task/submit", cardId, customerSubmits));
        assertThat(success.toString()).contains("All set");
    }

    @Test
    void aStrangersOrMalformedInvokeGetsAMessageNotAnError() throws Exception {
        Chat chat = Chat.personal("a:1dialog-odd-" + System.nanoTime());
        JsonNode odd = invoke(chat, MERCHANT, "task/submit", null, JSON.createObjectNode().put("dialog", "explode"));
        assertThat(odd.path("task").path("type").asText()).isEqualTo("message");
    }

    private String walkToTheLastStep(Chat chat, Person who, Person user, Person customer) throws Exception {
        send(teams.installed(chat, who));
        String cardId = connector.calls().get(0).id();
        walkFrom(chat, who, cardId, user, customer);
        return cardId;
    }

    private void walkFrom(Chat chat, Person who, String cardId, Person user, Person customer) throws Exception {
        send(teams.press(chat, who, cardId, buttonData("choose_direction:0:TO_BIGCOMMERCE", user, customer)));
        send(teams.press(chat, who, cardId, buttonData("next:0", user, customer).put("dataSets", "PRODUCTS,ORDERS")));
        for (int index = 1; index < 6; index++) {
            send(teams.press(chat, who, cardId, buttonData("next:" + index, user, customer)));
        }
        Call last = connector.calls().get(connector.calls().size() - 1);
        assertThat(last.card().toString()).contains("Step 7 of 7");
        JsonNode formButton = CardChecks.elements(last.card(), "Action.Submit").stream()
                .filter(b -> b.path("data").path("action").asText().startsWith("open_form:")).findFirst().orElseThrow();
        assertThat(formButton.path("data").path("msteams").path("type").asText()).isEqualTo("task/fetch");
        CardChecks.assertTeamsAccepts(last.card());
        connector.clear();
    }

    private static JsonNode dialogCard(JsonNode answer) {
        assertThat(answer.path("task").path("type").asText()).as("answer %s", answer).isEqualTo("continue");
        JsonNode value = answer.path("task").path("value");
        assertThat(value.path("title").asText()).isNotBlank();
        assertThat(value.path("card").path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = value.path("card").path("content");
        CardChecks.assertTeamsAccepts(card);
        return card;
    }

    private Call onlyCall() {
        List<Call> calls = connector.calls();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static ObjectNode buttonData(String action, Person user, Person customer) {
        ObjectNode data = JSON.createObjectNode();
        data.putObject("msteams").put("type", "task/fetch");
        data.put("action", action).put("user", user.id());
        if (customer != null) {
            data.put("customer", customer.id());
        }
        return data;
    }

    private static ObjectNode dialogData(String kind, Person user, Person customer) {
        ObjectNode data = JSON.createObjectNode().put("dialog", kind).put("user", user.id());
        if (customer != null) {
            data.put("customer", customer.id());
        }
        return data;
    }

    private JsonNode invoke(Chat chat, Person who, String name, String cardId, ObjectNode data) throws Exception {
        JsonNode answer = invokeRaw(chat, who, name, cardId, data);
        assertThat(answer.isObject()).as("an invoke answer with a body").isTrue();
        return answer;
    }

    private JsonNode invokeRaw(Chat chat, Person who, String name, String cardId, ObjectNode data) throws Exception {
        HttpResponse<String> response = post(teams.invoke(chat, who, name, cardId, data).toString());
        assertThat(response.statusCode()).isEqualTo(200);
        synchronized (invokeAnswers) {
            invokeAnswers.add(response.body());
        }
        keepSent();
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private void send(JsonNode activity) throws Exception {
        assertThat(post(activity.toString()).statusCode()).isEqualTo(202);
        keepSent();
    }

    private static void keepSent() {
        synchronized (sentToConnector) {
            connector.calls().forEach(c -> sentToConnector.add(c.body().toString()));
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
