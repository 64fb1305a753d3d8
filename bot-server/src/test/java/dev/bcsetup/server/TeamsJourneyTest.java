package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.teams.CardChecks;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.FakeBotConnector.Call;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams end to end in emulator mode: Teams-shaped activities over HTTP to the real server, replies and card
 * updates received by a fake Bot Connector on loopback that throttles now and then.
 */
class TeamsJourneyTest {

    @TempDir
    static Path dataDir;

    private static final String ENGINEERS = "19:engineers0123456789@thread.tacv2";
    private static final Person MERCHANT = new Person("29:1merchant-abc", "Mia Merchant");
    private static final Person AGENT = new Person("29:1agent-def", "Ada Agent");
    private static final Person CUSTOMER = new Person("29:1customer-ghi", "Cole Customer");
    private static final Person STRANGER = new Person("29:1stranger-jkl", "Sam Stranger");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeBotConnector connector;
    private static BotServer server;
    private static TeamsActivities teams;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeBotConnector();
        teams = new TeamsActivities(connector.serviceUrl());
        server = BotServer.start(TestConfig.local(dataDir, "HANDOFF_TEAMS_CHANNEL", ENGINEERS), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
        connector.close();
    }

    @BeforeEach
    void reset() {
        connector.clear();
        connector.throttleEvery(3);
    }

    @Test
    void merchantWalksTheWholeGuideInAPersonalChat() throws Exception {
        Chat chat = Chat.personal("a:1personal-" + System.nanoTime());
        assertThat(send(teams.installed(chat, MERCHANT))).isEqualTo(202);
        assertThat(send(teams.botAdded(chat, MERCHANT))).isEqualTo(202);
        List<Call> calls = connector.calls();
        assertThat(calls).as("one greeting for both install activities").hasSize(1);
        Call greeting = calls.get(0);
        assertThat(greeting.method()).isEqualTo("POST");
        assertThat(greeting.conversationId()).isEqualTo(chat.id());
        assertThat(greeting.card().toString()).contains("Step 1 of 7").contains("PUBLIC_BASE_URL");
        CardChecks.assertTeamsAccepts(greeting.card());
        String cardId = greeting.id();

        Call chosen = press(chat, MERCHANT, cardId, "choose_direction:0:TO_BIGCOMMERCE", MERCHANT, null);
        assertThat(chosen.method()).isEqualTo("PUT");
        assertThat(chosen.activityId()).isEqualTo(cardId);
        assertThat(chosen.card().toString()).contains("\u2714 Into BigCommerce");

        Call step = pressWithData(chat, MERCHANT, cardId, "next:0", MERCHANT, null, "PRODUCTS,ORDERS");
        assertThat(step.card().toString()).contains("Step 2 of 7");
        for (int index = 1; index < 6; index++) {
            step = press(chat, MERCHANT, cardId, "next:" + index, MERCHANT, null);
            assertThat(step.method()).isEqualTo("PUT");
            assertThat(step.card().toString()).contains("Step " + (index + 2) + " of 7");
            CardChecks.assertTeamsAccepts(step.card());
            if (index == 3) {
                assertThat(CardChecks.elements(step.card(), "Table")).hasSize(1);
                assertThat(step.card().toString()).contains("Modify");
            }
        }
        assertThat(step.card().toString()).contains("Step 7 of 7").contains("open the secure form");

        Call back = press(chat, MERCHANT, cardId, "back:6", MERCHANT, null);
        assertThat(back.card().toString()).contains("Step 6 of 7");

        Call stale = press(chat, MERCHANT, cardId, "next:2", MERCHANT, null);
        assertThat(stale.card().toString()).contains("Step 6 of 7").contains("belongs to an earlier step");

        Call help = press(chat, MERCHANT, cardId, "help:5", MERCHANT, null);
        assertThat(help.method()).isEqualTo("POST");
        assertThat(help.text()).startsWith("**Help:");

        connector.clear();
        assertThat(send(teams.press(chat, MERCHANT, cardId, value("stuck:5", MERCHANT, null)))).isEqualTo(202);
        List<Call> stuck = connector.awaitCalls(2, Duration.ofSeconds(10));
        assertThat(stuck).anySatisfy(c -> {
            assertThat(c.conversationId()).isEqualTo(chat.id());
            assertThat(c.text()).contains("asked the migration team");
        });
        assertThat(stuck).anySatisfy(c -> {
            assertThat(c.conversationId()).isEqualTo(ENGINEERS);
            assertThat(c.text()).contains("step 6").contains("Mia Merchant").contains(MERCHANT.id());
        });

        connector.clear();
        send(teams.text(chat, MERCHANT, "status"));
        assertThat(connector.calls()).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("POST");
            assertThat(c.card().toString()).contains("Step 6 of 7");
        });
        connector.clear();
        send(teams.text(chat, MERCHANT, "help"));
        assertThat(connector.calls().get(0).text()).startsWith("**Help:");
        connector.clear();
        send(teams.text(chat, MERCHANT, "cancel"));
        assertThat(connector.calls().get(0).card().toString()).contains("Setup stopped");
        connector.clear();
        send(teams.text(chat, MERCHANT, "restart"));
        assertThat(connector.calls().get(0).card().toString()).contains("Step 1 of 7");
        connector.clear();
        send(teams.text(chat, MERCHANT, "setup for jane@example.com"));
        assertThat(connector.calls().get(0).text()).contains("one-time setup link").contains("jane@example.com")
                .containsPattern("http://localhost:\\d+/setup/[A-Za-z0-9_-]{43}");
        assertThat(connector.throttledCount()).as("the connector did throttle, and every message still arrived").isPositive();
    }

    @Test
    void agentStartsTheGuideForACustomerInAGroupChat() throws Exception {
        Chat chat = Chat.group("19:group-" + System.nanoTime() + "@thread.v2");
        assertThat(send(teams.text(chat, AGENT, "setup for <at>Cole Customer</at> to", CUSTOMER))).isEqualTo(202);
        List<Call> calls = connector.calls();
        assertThat(calls).hasSize(2);
        Call addressed = calls.get(0);
        assertThat(addressed.text()).contains("<at>Cole Customer</at>").contains("Ada Agent");
        assertThat(addressed.body().path("entities").toString()).contains(CUSTOMER.id());
        Call card = calls.get(1);
        CardChecks.assertTeamsAccepts(card.card());
        assertThat(card.card().toString()).contains("Step 1 of 7").contains("\u2714 Into BigCommerce")
                .contains(CUSTOMER.id()).contains(AGENT.id());
        String cardId = card.id();

        Call byCustomer = pressWithData(chat, CUSTOMER, cardId, "next:0", AGENT, CUSTOMER, "PRODUCTS");
        assertThat(byCustomer.card().toString()).contains("Step 2 of 7");
        Call byAgent = press(chat, AGENT, cardId, "next:1", AGENT, CUSTOMER);
        assertThat(byAgent.card().toString()).contains("Step 3 of 7");

        connector.clear();
        send(teams.press(chat, STRANGER, cardId, value("next:2", AGENT, CUSTOMER)));
        assertThat(connector.calls()).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("POST");
            assertThat(c.text()).contains("belongs to someone else");
        });
        Call customerAgain = press(chat, CUSTOMER, cardId, "next:2", AGENT, CUSTOMER);
        assertThat(customerAgain.card().toString()).as("the stranger moved nothing").contains("Step 4 of 7");

        connector.clear();
        send(teams.text(chat, STRANGER, "help"));
        assertThat(connector.calls().get(0).text()).contains("setup for");
        connector.clear();
        send(teams.text(chat, AGENT, "setup for nobody"));
        assertThat(connector.calls().get(0).text()).contains("Mention the customer");
    }

    @Test
    void engineersChannelFromConfigurationCannotBeReplacedFromChat() throws Exception {
        Chat channel = Chat.channel("19:other-" + System.nanoTime() + "@thread.tacv2");
        send(teams.text(channel, STRANGER, "register engineers channel"));
        assertThat(connector.calls().get(0).text()).contains("HANDOFF_TEAMS_CHANNEL");
    }

    @Test
    void malformedActivitiesAreRefusedWithoutSideEffects() throws Exception {
        assertThat(post("{not json", null)).isEqualTo(400);
        assertThat(post("[1,2,3]", null)).isEqualTo(400);
        assertThat(post("{\"text\":\"no type\"}", null)).isEqualTo(400);
        assertThat(post("", null)).isEqualTo(400);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void emulatorModeNeverRepliesToAServiceUrlOffThisMachine() throws Exception {
        ObjectNode activity = teams.text(Chat.personal("a:1remote"), MERCHANT, "start");
        activity.put("serviceUrl", "https://attacker.example.com/");
        assertThat(send(activity)).isEqualTo(401);
        assertThat(connector.calls()).isEmpty();
    }

    private Call press(Chat chat, Person who, String cardId, String action, Person user, Person customer) throws Exception {
        return pressWithData(chat, who, cardId, action, user, customer, null);
    }

    private Call pressWithData(Chat chat, Person who, String cardId, String action, Person user, Person customer,
                               String dataSets) throws Exception {
        connector.clear();
        ObjectNode value = value(action, user, customer);
        if (dataSets != null) {
            value.put("dataSets", dataSets);
        }
        assertThat(send(teams.press(chat, who, cardId, value))).isEqualTo(202);
        List<Call> calls = connector.calls();
        assertThat(calls).hasSize(1);
        Call call = calls.get(0);
        if (call.isCard()) {
            CardChecks.assertTeamsAccepts(call.card());
        }
        return call;
    }

    private static ObjectNode value(String action, Person user, Person customer) {
        ObjectNode value = JSON.createObjectNode().put("action", action).put("user", user.id());
        if (customer != null) {
            value.put("customer", customer.id());
        }
        return value;
    }

    private int send(JsonNode activity) throws Exception {
        return post(activity.toString(), null);
    }

    private int post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
