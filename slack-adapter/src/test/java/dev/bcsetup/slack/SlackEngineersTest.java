package dev.bcsetup.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
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
import dev.bcsetup.handoff.HandOffNotifier;
import dev.bcsetup.handoff.MarkResult;
import dev.bcsetup.handoff.RevealResult;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.JdbcSessionRepository;
import dev.bcsetup.store.SessionStore;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The engineers' channel: a hand-off posted with masked values and two buttons; Reveal opening a private
 * modal with the secret for an engineer listed by user ID or through a user group, and a refusal for anyone
 * else; Mark received passed through. Real signed requests over HTTP to the real Slack app, a fake Slack
 * Web API, and a stand-in for the hand-off service that decides as {@code ENGINEERS} would.
 */
class SlackEngineersTest {

    static final String BOT_TOKEN = "xoxb-3333-4444-SECRETBOTTOKEN";
    static final String SECRET = "fedcba9876543210fedcba9876543210";
    static final String CHANNEL = "C0ENGINEERS";
    static final String TEAM = FakeSlackApi.TEAM;
    static final String ENGINEER = "U0ENGINEER1";
    static final String GROUP = "S0MIGRATE01";
    static final String GROUP_MEMBER = "U0GROUPENG1";
    static final String STRANGER = "U0STRANGER1";
    static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";

    @TempDir
    Path dataDir;

    private FakeSlackApi slack;
    private SlackApp app;
    private HttpServer host;
    private Database database;
    private SlackRequests requests;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** Decides as the hand-off service does with ENGINEERS = U0ENGINEER1, S0MIGRATE01. */
    private final EngineerActions handOffs = new EngineerActions() {
        private boolean engineer(Engineer who) {
            return who.platform() == Platform.SLACK && (who.userId().equals(ENGINEER) || who.groups().contains(GROUP));
        }

        @Override
        public RevealResult reveal(String handOffId, Engineer who) {
            calls.add("reveal " + handOffId + " " + who.userId() + " " + who.groups());
            if (!handOffId.equals("h-1")) {
                return new RevealResult.Unknown();
            }
            return engineer(who) ? new RevealResult.Revealed("BC-7Q2K", new Credentials(new StoreHash("abc123"),
                    new ClientId(CLIENT_ID), new AccessToken(TOKEN))) : new RevealResult.Refused("BC-7Q2K");
        }

        @Override
        public MarkResult markReceived(String handOffId, Engineer who) {
            calls.add("received " + handOffId + " " + who.userId());
            return engineer(who) ? new MarkResult.Marked("BC-7Q2K", Instant.now().plusSeconds(3600))
                    : new MarkResult.Refused("BC-7Q2K");
        }

        @Override
        public boolean mayRegisterChannel(Engineer who, String channelId) {
            throw new AssertionError("Slack's engineers' channel comes from HANDOFF_SLACK_CHANNEL only");
        }
    };

    private ListAppender<ILoggingEvent> logs;
    private Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        logs = new ListAppender<>();
        logs.start();
        rootLevel = root().getLevel();
        root().setLevel(Level.DEBUG);
        root().addAppender(logs);
        slack = new FakeSlackApi(BOT_TOKEN, CHANNEL);
        slack.group(GROUP, "migration-team", GROUP_MEMBER, "U0SOMEONE01");
        FlowLibrary flows = FlowLibrary.standard();
        app = SlackApp.create(new SlackSettings(BOT_TOKEN, SECRET, Optional.empty(), Optional.of(URI.create(slack.url())),
                Optional.of(CHANNEL), Optional.empty(), Set.of(ENGINEER, GROUP)), flows);
        database = Database.open(Optional.empty(), dataDir);
        Conversations conversations = new Conversations(new Conversation(flows, Clock.systemUTC(), Duration.ofDays(7)),
                new SessionStore(new JdbcSessionRepository(database), 1000, Duration.ofMinutes(5)),
                new BigCommerceValidator(URI.create("http://127.0.0.1:9"), BigCommerceValidator.httpClient(Duration.ofSeconds(1)),
                        Clock.systemUTC(), Duration.ofSeconds(2)), List.of(), Executors.newSingleThreadExecutor());
        app.start(conversations, Optional.of(handOffs));
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/slack/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach(headers::put);
            SlackHttpResponse response = app.handle("/slack/events", Map.of(), headers, body, "127.0.0.1");
            byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        host.start();
        requests = new SlackRequests(SECRET, URI.create("http://127.0.0.1:" + host.getAddress().getPort() + "/slack/events"));
    }

    @AfterEach
    void stop() {
        host.stop(0);
        app.close();
        slack.close();
        database.close();
        root().detachAppender(logs);
        root().setLevel(rootLevel);
        assertThat(slack.problems()).as("payloads Slack would refuse").isEmpty();
        assertThat(logs.list).as("log lines at DEBUG").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).as("log line").doesNotContain(TOKEN).doesNotContain(BOT_TOKEN);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static HandOffNotice notice(String id) {
        return new HandOffNotice(id, "BC-7Q2K", "abc123", "Plant Parlour", "plantparlour.example",
                "https://api.bigcommerce.com/stores/abc123/v3/", Direction.TO_BIGCOMMERCE, Set.of(DataSet.PRODUCTS, DataSet.ORDERS),
                List.of(new HandOffNotice.ScopeSummary("Products", "Modify", "granted")), "zyxw…jihgf", "abcd…••••",
                new HandOffNotice.Submitter(Platform.SLACK, TEAM, "U0MERCHANT9", Optional.empty()), Instant.parse("2026-11-25T10:00:00Z"));
    }

    private FakeSlackApi.Call posted() {
        HandOffNotifier notifier = app.handOffNotifier().orElseThrow();
        assertThat(notifier.destination()).isEqualTo("slack");
        notifier.deliver(notice("h-1"));
        notifier.deliver(notice("h-1"));
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        return posts.get(0);
    }

    @Test
    void postsMaskedValuesWithRevealAndMarkReceivedWhoseValueIsTheHandOffId() {
        FakeSlackApi.Call post = posted();
        assertThat(post.param("channel")).isEqualTo(CHANNEL);
        assertThat(post.param("text")).contains("Plant Parlour").contains("abc123").contains("BC-7Q2K");
        assertThat(post.blocksText()).contains("plantparlour.example").contains("Into BigCommerce").contains("Products, Orders")
                .contains("Products: Modify (granted)").contains("zyxw…jihgf").contains("abcd…••••").contains("<@U0MERCHANT9>")
                .contains("\"action_id\":\"handoff.reveal\"").contains("\"action_id\":\"handoff.received\"")
                .doesNotContain(TOKEN).doesNotContain(CLIENT_ID);
        for (var block : post.json("blocks")) {
            for (var button : block.path("elements")) {
                if (button.path("type").asText().equals("button")) {
                    assertThat(button.path("value").asText()).isEqualTo("h-1");
                }
            }
        }
        slack.failNext("chat.postMessage", "channel_not_found");
        assertThatThrownBy(() -> app.handOffNotifier().orElseThrow().deliver(notice("h-2")))
                .as("a refused post is thrown, so the outbox retries it").isInstanceOf(RuntimeException.class);
    }

    @Test
    void revealOpensAPrivateModalForAnEngineerByUserIdAndThroughAGroup() {
        FakeSlackApi.Call post = posted();
        for (String who : List.of(ENGINEER, GROUP_MEMBER)) {
            int mark = slack.calls().size();
            requests.clickAction(TEAM, who, post, "handoff.reveal");
            FakeSlackApi.Call opened = slack.await(mark, c -> c.method().equals("views.open") && c.ok(), "the loading modal");
            assertThat(opened.blocksText()).doesNotContain(TOKEN);
            FakeSlackApi.Call filled = slack.await(mark, c -> c.method().equals("views.update") && c.ok(), "the revealed credentials");
            assertThat(filled.blocksText()).contains(TOKEN).contains(CLIENT_ID).contains("https://api.bigcommerce.com/stores/abc123/v3/")
                    .contains("BC-7Q2K");
        }
        assertThat(calls).containsExactly("reveal h-1 " + ENGINEER + " []", "reveal h-1 " + GROUP_MEMBER + " [" + GROUP + "]");
        assertThat(slack.calls("usergroups.users.list")).hasSize(1);
        assertThat(slack.calls("chat.postMessage").stream().map(FakeSlackApi.Call::blocksText)).noneMatch(t -> t.contains(TOKEN));
    }

    @Test
    void revealByAnyoneElseShowsARefusalAndMarkReceivedGoesThroughForEngineersOnly() {
        FakeSlackApi.Call post = posted();
        int mark = slack.calls().size();
        requests.clickAction(TEAM, STRANGER, post, "handoff.reveal");
        FakeSlackApi.Call refused = slack.await(mark, c -> c.method().equals("views.update") && c.ok(), "the refusal");
        assertThat(refused.blocksText()).contains("Only the migration engineers").doesNotContain(TOKEN).doesNotContain(CLIENT_ID);

        mark = slack.calls().size();
        requests.clickAction(TEAM, STRANGER, post, "handoff.received");
        FakeSlackApi.Call notYou = slack.await(mark, "chat.postEphemeral", "the refusal to mark");
        assertThat(notYou.param("user")).isEqualTo(STRANGER);
        assertThat(notYou.param("channel")).isEqualTo(CHANNEL);

        mark = slack.calls().size();
        requests.clickAction(TEAM, ENGINEER, post, "handoff.received");
        FakeSlackApi.Call received = slack.await(mark, "chat.update", "the message marked received");
        assertThat(received.param("ts")).isEqualTo(post.param("ts"));
        assertThat(received.blocksText()).contains("Received by <@" + ENGINEER + ">").contains("Plant Parlour")
                .doesNotContain("handoff.reveal");
        assertThat(calls).containsSubsequence("received h-1 " + STRANGER, "received h-1 " + ENGINEER);
    }

    @Test
    void groupsAreAskedOfSlackOnlyWhenEngineersNamesAGroup() {
        SlackSettings usersOnly = new SlackSettings(BOT_TOKEN, SECRET, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(ENGINEER, "U0OTHER0001"));
        assertThat(usersOnly.engineerGroups()).isEmpty();
        assertThat(new EngineerGroups(null, usersOnly.engineerGroups()).of(ENGINEER)).isEmpty();
        SlackSettings withGroup = new SlackSettings(BOT_TOKEN, SECRET, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(ENGINEER, GROUP, "0b6f1c2e-1111-2222-3333-444455556666"));
        assertThat(withGroup.engineerGroups()).containsExactly(GROUP);
    }
}
