package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.conversation.Conversation;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.credentials.AccessToken;
import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.ClientId;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.credentials.StoreHash;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.EngineerActions;
import dev.bcsetup.handoff.HandOffNotice;
import dev.bcsetup.handoff.MarkResult;
import dev.bcsetup.handoff.RevealResult;
import dev.bcsetup.notify.EngineerChannels;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.InMemorySessionRepository;
import dev.bcsetup.store.SessionStore;
import dev.bcsetup.teams.FakeBotConnector.Call;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engineers' hand-off notifications in Teams: the channel card with masked values, Reveal as a dialog for an
 * engineer and a refusal for anyone else, Mark received passed through, all against the fake Bot Connector and a
 * stand-in for the core's hand-off service that decides by AAD object id, as {@code ENGINEERS} does.
 */
class TeamsHandOffTest {

    private static final String CHANNEL = "19:handoffs0123456789@thread.tacv2";
    private static final String SECRET_TOKEN = "secrettoken0123456789abcdefghij";
    private static final String CLIENT_ID = "clientid0123456789abcdefghijklm";
    private static final Person ENGINEER = new Person("29:1engineer", "Eve Engineer");
    private static final Person OUTSIDER = new Person("29:1outsider", "Otto Outsider");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotConnector connector;
    private TeamsActivities teams;
    private TeamsApp app;
    private TeamsEndpoint endpoint;
    private final FakeHandOffs handOffs = new FakeHandOffs();
    @TempDir
    Path dataDirectory;
    private Database database;
    private Conversations conversations;

    /** Decides like the core: engineers by AAD object id; records what it was asked. */
    static final class FakeHandOffs implements EngineerActions {
        final Set<String> engineers = Set.of(TeamsActivities.aadObjectId(ENGINEER));
        final List<String> asked = new ArrayList<>();
        final List<Engineer> askedBy = new ArrayList<>();

        @Override
        public RevealResult reveal(String handOffId, Engineer engineer) {
            asked.add("reveal " + handOffId);
            askedBy.add(engineer);
            if (!handOffId.equals("ho-1")) {
                return new RevealResult.Unknown();
            }
            if (!engineers.contains(engineer.userId())) {
                return new RevealResult.Refused("BC-2026-0001");
            }
            return new RevealResult.Revealed("BC-2026-0001", new Credentials(new StoreHash("abc123"),
                    new ClientId(CLIENT_ID), new AccessToken(SECRET_TOKEN)));
        }

        @Override
        public MarkResult markReceived(String handOffId, Engineer engineer) {
            asked.add("received " + handOffId);
            askedBy.add(engineer);
            return engineers.contains(engineer.userId())
                    ? new MarkResult.Marked("BC-2026-0001", Instant.parse("2026-11-26T10:00:00Z"))
                    : new MarkResult.Refused("BC-2026-0001");
        }

        @Override
        public boolean mayRegisterChannel(Engineer engineer, String channelId) {
            asked.add("register " + channelId);
            askedBy.add(engineer);
            return engineers.contains(engineer.userId());
        }
    }

    @BeforeEach
    void start() throws Exception {
        connector = new FakeBotConnector();
        teams = new TeamsActivities(connector.serviceUrl());
        database = Database.open(Optional.empty(), dataDirectory);
        app = TeamsApp.create(new TeamsSettings(Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.of(CHANNEL), Optional.empty()), channels());
        conversations = new Conversations(new Conversation(FlowLibrary.standard(), Clock.systemUTC(),
                Duration.ofDays(7)), new SessionStore(new InMemorySessionRepository(), 100, Duration.ofMinutes(5)),
                new BigCommerceValidator(URI.create("http://127.0.0.1:9"), BigCommerceValidator.httpClient(Duration.ofSeconds(1)),
                        Clock.systemUTC(), Duration.ofSeconds(1)),
                List.of(), Executors.newSingleThreadExecutor());
        endpoint = app.endpoint(conversations, new SetupLinks(null, () -> URI.create("http://localhost")), handOffs);
        // Any activity teaches the bot where the connector is, as the first one after a start does in Teams.
        handle(teams.text(Chat.channel(CHANNEL), ENGINEER, "help"));
        connector.clear();
    }

    @AfterEach
    void stop() {
        connector.close();
        database.close();
    }

    private EngineerChannels channels() {
        return new EngineerChannels(database, Clock.systemUTC());
    }

    private TeamsApp withoutConfiguredChannel() {
        return TeamsApp.create(new TeamsSettings(Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), channels());
    }

    @Test
    void postsACardWithMaskedValuesOnlyToTheEngineersChannel() {
        app.handOffNotifier().deliver(notice());
        assertThat(app.handOffNotifier().destination()).isEqualTo("teams");
        Call call = connector.calls().get(0);
        assertThat(call.conversationId()).isEqualTo(CHANNEL);
        CardChecks.assertTeamsAccepts(call.card());
        String card = call.card().toString();
        assertThat(card).contains("Plant Parlour").contains("plantparlour.example").contains("Into BigCommerce")
                .contains("Products, Orders").contains("clie\u2022\u2022\u2022\u2022").contains("\u2022\u2022\u2022\u2022hij")
                .contains("BC-2026-0001").contains("Cole Customer").contains("29:1agent").contains("Products")
                .doesNotContain(SECRET_TOKEN).doesNotContain(CLIENT_ID);
        List<JsonNode> buttons = CardChecks.elements(call.card(), "Action.Submit");
        assertThat(buttons).extracting(b -> b.path("title").asText()).containsExactly("Reveal", "Mark received");
        assertThat(buttons.get(0).path("data").path("msteams").path("type").asText()).isEqualTo("task/fetch");
    }

    @Test
    void withoutAChannelTheDeliveryThrowsToBeRetried() {
        TeamsApp unconfigured = withoutConfiguredChannel();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> unconfigured.handOffNotifier().deliver(notice()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HANDOFF_TEAMS_CHANNEL");
    }

    @Test
    void onlyAnEngineerCanMakeAChannelTheEngineersChannelAndItOutlivesARestart() {
        String other = "19:migrations0123456789@thread.tacv2";
        endpoint = withoutConfiguredChannel().endpoint(conversations,
                new SetupLinks(null, () -> URI.create("http://localhost")), handOffs);

        handle(teams.text(Chat.channel(other), OUTSIDER, "register engineers channel"));
        assertThat(connector.calls()).singleElement().satisfies(call -> assertThat(call.text()).contains("ENGINEERS"));
        assertThat(channels().find(Platform.TEAMS)).isEmpty();
        connector.clear();

        handle(teams.text(Chat.channel(other), ENGINEER, "register engineers channel"));
        assertThat(connector.calls()).singleElement()
                .satisfies(call -> assertThat(call.text()).contains("remembers it after restarts"));
        assertThat(handOffs.asked).containsExactly("register " + other, "register " + other);
        connector.clear();

        // A new start over the same database: the first hand-off goes to the registered channel.
        TeamsApp restarted = withoutConfiguredChannel();
        restarted.handOffNotifier().deliver(notice());
        assertThat(connector.calls()).singleElement().satisfies(call -> {
            assertThat(call.conversationId()).isEqualTo(other);
            assertThat(call.card().toString()).contains("BC-2026-0001");
        });
    }

    @Test
    void revealOpensTheSecretDialogForAnEngineerAndRefusesAnyoneElse() throws Exception {
        Chat channel = Chat.channel(CHANNEL);
        ObjectNode reveal = JSON.createObjectNode().put("handoff", "reveal").put("id", "ho-1");
        reveal.putObject("msteams").put("type", "task/fetch");

        JsonNode shown = invoke(teams.invoke(channel, ENGINEER, "task/fetch", "1:1", reveal));
        assertThat(shown.path("task").path("type").asText()).isEqualTo("continue");
        JsonNode card = shown.path("task").path("value").path("card").path("content");
        CardChecks.assertTeamsAccepts(card);
        assertThat(card.toString()).contains(SECRET_TOKEN).contains(CLIENT_ID)
                .contains("https://api.bigcommerce.com/stores/abc123/v3/");
        assertThat(handOffs.askedBy.get(0)).isEqualTo(new Engineer(Platform.TEAMS, TeamsActivities.TENANT,
                TeamsActivities.aadObjectId(ENGINEER), Set.of()));

        JsonNode refused = invoke(teams.invoke(channel, OUTSIDER, "task/fetch", "1:1", reveal));
        assertThat(refused.path("task").path("type").asText()).isEqualTo("message");
        assertThat(refused.toString()).contains("Only the migration engineers").doesNotContain(SECRET_TOKEN);

        JsonNode unknown = invoke(teams.invoke(channel, ENGINEER, "task/fetch", "1:1",
                reveal.deepCopy().put("id", "ho-404")));
        assertThat(unknown.path("task").path("value").asText()).contains("no hand-off");
        assertThat(connector.calls()).as("nothing of a reveal goes to the channel").isEmpty();
    }

    @Test
    void markReceivedCallsThroughAndSaysWhoDid() {
        Chat channel = Chat.channel(CHANNEL);
        ObjectNode received = JSON.createObjectNode().put("handoff", "received").put("id", "ho-1");
        handle(teams.press(channel, ENGINEER, "1:1", received));
        assertThat(handOffs.asked).containsExactly("received ho-1");
        assertThat(connector.calls().get(0).text()).contains("Eve Engineer").contains("received");

        connector.clear();
        handle(teams.press(channel, OUTSIDER, "1:1", received));
        assertThat(connector.calls().get(0).text()).contains("Only the migration engineers");
    }

    private static HandOffNotice notice() {
        return new HandOffNotice("ho-1", "BC-2026-0001", "abc123", "Plant Parlour", "plantparlour.example",
                "https://api.bigcommerce.com/stores/abc123/v3/", Direction.TO_BIGCOMMERCE,
                EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS),
                List.of(new HandOffNotice.ScopeSummary("Products", "Modify", "granted")),
                "clie\u2022\u2022\u2022\u2022", "\u2022\u2022\u2022\u2022hij",
                new HandOffNotice.Submitter(Platform.TEAMS, TeamsActivities.TENANT, "Cole Customer", Optional.of("29:1agent")),
                Instant.parse("2026-11-25T10:00:00Z"));
    }

    private TeamsEndpoint.Response handle(JsonNode activity) {
        TeamsEndpoint.Response response = endpoint.handle(null, activity.toString());
        assertThat(response.status()).isIn(200, 202);
        return response;
    }

    private JsonNode invoke(JsonNode activity) throws Exception {
        TeamsEndpoint.Response response = handle(activity);
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.jsonBody());
    }
}
