package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.fuzz.RecordingProxySelector;
import dev.bcsetup.fuzz.TrickyPaths;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.SlackRequests;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tricky-path corpus ({@link TrickyPaths}) pasted as the API path through both adapters' forms, the Slack modal and
 * the Teams dialog (each cut to what the platform's input can hold), with a valid client ID and token beside it: every hostile path is refused under the API path
 * field, every fine one passes the live check, and the JVM's proxy selector (which every HTTP client in the server
 * asks) and the fake BigCommerce's request log prove that no request went anywhere but the configured
 * {@code BIGCOMMERCE_API_URL} origin and the test's own loopback services.
 */
class TrickyPathsThroughFormsTest {

    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    /** A Slack plain-text input holds at most this many characters; Slack sends nothing longer. */
    private static final int SLACK_INPUT_MAX = 3_000;
    /** The card's inputs hold 500 characters in Teams; the server reads up to 10,000, so that is what is sent. */
    private static final int TEAMS_INPUT_MAX = 10_000;
    private static final String SLACK_MERCHANT = "U0TRICKY01";
    private static final Person TEAMS_MERCHANT = new Person("29:1tricky-merchant", "Mia Merchant");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static RecordingProxySelector proxies;
    private static FakeBigCommerce bigCommerce;
    private static FakeSlackApi slack;
    private static FakeBotConnector connector;
    private static BotServer server;

    @BeforeAll
    static void start() throws Exception {
        // Installed first, so every HTTP client the server builds asks it where to connect.
        proxies = RecordingProxySelector.install();
        bigCommerce = FakeBigCommerce.start().store(TrickyPaths.HASH, "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, TrickyPaths.HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        connector = new FakeBotConnector();
        server = BotServer.start(TestConfig.slack(dataDir, slack.url(),
                "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
        connector.close();
        bigCommerce.close();
        proxies.close();
    }

    @Test
    void everyHostilePathIsRefusedUnderItsFieldAndNoRequestLeavesTheConfiguredOrigin() throws Exception {
        SlackRequests requests = new SlackRequests(SlackJourneyTest.SIGNING_SECRET,
                URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
        SlackWalk walk = new SlackWalk(slack, requests, FakeSlackApi.TEAM, SLACK_MERCHANT);
        JsonNode modal = walk.openForm(walk.toLastStep(List.of("PRODUCTS")));
        TeamsWalk teams = new TeamsWalk(server.port(), new TeamsActivities(connector.serviceUrl()), connector, () -> null);
        Chat chat = Chat.personal("a:1tricky");
        String cardId = teams.toLastStep(chat, TEAMS_MERCHANT);

        List<String> passedInSlack = new ArrayList<>();
        List<String> passedInTeams = new ArrayList<>();
        for (String path : TrickyPaths.ALL) {
            String slackPath = cut(path, SLACK_INPUT_MAX);
            int mark = slack.calls().size();
            JsonNode ack = JSON.readTree(requests.submitView(FakeSlackApi.TEAM, SLACK_MERCHANT, modal,
                    Map.of("api_path", slackPath, "client_id", CLIENT_ID, "access_token", TOKEN)).body());
            if (ack.path("response_action").asText().equals("errors")) {
                assertThat(ack.path("errors").fieldNames()).toIterable().as("Slack, %s", path).containsExactly("api_path");
                assertThat(ack.path("errors").path("api_path").asText()).as("Slack, %s", path).isNotBlank();
            } else {
                assertThat(ack.path("view").toString()).as("Slack, %s", path).contains("Checking your credentials");
                String viewId = modal.path("id").asText();
                slack.await(mark, c -> c.method().equals("views.update") && viewId.equals(c.param("view_id"))
                        && c.blocksText().contains("All set"), "the success view for " + path);
                passedInSlack.add(path);
            }

            JsonNode card = TeamsWalk.dialogCard(teams.invoke(chat, TEAMS_MERCHANT, "task/submit", cardId,
                    TeamsWalk.submit(TEAMS_MERCHANT, Map.of("apiPath", cut(path, TEAMS_INPUT_MAX), "clientId", CLIENT_ID, "accessToken", TOKEN))));
            Map<String, String> errors = TeamsWalk.fieldErrors(card);
            if (errors.isEmpty()) {
                assertThat(card.toString()).as("Teams, %s", path).contains("All set");
                passedInTeams.add(path);
            } else {
                assertThat(errors).as("Teams, %s", path).containsOnlyKeys("apiPath");
            }
        }

        assertThat(passedInSlack).as("paths the Slack modal let through").containsExactlyElementsOf(TrickyPaths.FINE);
        assertThat(passedInTeams).as("paths the Teams dialog let through").containsExactlyElementsOf(TrickyPaths.FINE);
        Set<String> allowed = Set.of(address(bigCommerce.origin()), address(URI.create(slack.url())),
                address(URI.create(connector.serviceUrl())), "127.0.0.1:" + server.port());
        assertThat(proxies.seen()).as("where the server's HTTP clients connected").isNotEmpty()
                .anySatisfy(uri -> assertThat(address(uri)).isEqualTo(address(bigCommerce.origin())))
                .allSatisfy(uri -> {
                    assertThat(allowed).as("%s", uri).contains(address(uri));
                    assertThat(uri.getRawUserInfo()).as("%s", uri).isNull();
                });
        assertThat(bigCommerce.requests()).as("requests BigCommerce received").hasSizeGreaterThan(TrickyPaths.FINE.size() * 2)
                .allSatisfy(request -> assertThat(request.path()).startsWith("/stores/" + TrickyPaths.HASH + "/v"));
        System.out.println("TrickyPathsThroughFormsTest: " + TrickyPaths.ALL.size() + " paths through each form, "
                + TrickyPaths.HOSTILE.size() + " refused under the API path in each, " + bigCommerce.requests().size()
                + " requests to BigCommerce, " + proxies.seen().size() + " connections checked");
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Host and port, whether the client asked about {@code http://host:port/path} or (for SOCKS) {@code socket://host:port}. */
    private static String address(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
