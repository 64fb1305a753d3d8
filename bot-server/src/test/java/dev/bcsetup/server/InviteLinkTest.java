package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.conversation.MutableClock;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.FakeBotConnector.Call;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-time links end to end: an agent asks for one in a Teams personal chat, a customer's browser (an HTTP client
 * keeping cookies) opens it and walks the setup to a validated report; other browsers, late and made-up links are
 * turned away with a clear page.
 */
class InviteLinkTest {

    @TempDir
    static Path dataDir;

    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final String ENGINEERS = "19:engineers-links@thread.tacv2";
    private static final Person AGENT = new Person("29:1link-agent", "Ada Agent");
    private static final Pattern LINK = Pattern.compile("http://localhost:(\\d+)/setup/([A-Za-z0-9_-]{43})");

    private static final MutableClock clock = new MutableClock(Instant.now());
    private static FakeBigCommerce bigCommerce;
    private static FakeBotConnector connector;
    private static BotServer server;
    private static TeamsActivities teams;
    private static LogCapture logs;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.attach();
        Map<Scope, Access> modify = FakeBigCommerce.everyScope(Access.MODIFY);
        bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", modify);
        connector = new FakeBotConnector();
        teams = new TeamsActivities(connector.serviceUrl());
        server = BotServer.start(TestConfig.local(dataDir, "BIGCOMMERCE_API_URL", bigCommerce.origin().toString(),
                "HANDOFF_TEAMS_CHANNEL", ENGINEERS), clock);
    }

    @AfterAll
    static void stop() {
        logs.close();
        server.close();
        connector.close();
        bigCommerce.close();
    }

    @BeforeEach
    void reset() {
        connector.clear();
    }

    @Test
    void theCustomerWalksTheSetupFromTheLinkAndTheHandOffNamesBothPeople() throws Exception {
        String link = linkFor("jane@example.com to");
        Browser customer = new Browser();

        HttpResponse<String> first = customer.get(link);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Step 1 of 7").contains("Into BigCommerce").contains("action=\"" + path(link) + "\"");
        HttpCookie cookie = customer.cookies.getCookieStore().getCookies().get(0);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(first.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("SameSite=Lax");

        assertThat(customer.get(link).body()).as("the same browser may come back").contains("Step 1 of 7");
        String page = customer.press(link, "next:0", "data-shown=1&data=PRODUCTS");
        assertThat(page).contains("Step 2 of 7");
        for (int index = 1; index < 6; index++) {
            page = customer.press(link, "next:" + index, null);
        }
        assertThat(page).contains("Step 7 of 7");

        page = customer.press(link, "stuck:6", null);
        List<Call> stuck = connector.awaitCalls(1, Duration.ofSeconds(10));
        assertThat(stuck).anySatisfy(c -> {
            assertThat(c.conversationId()).isEqualTo(ENGINEERS);
            assertThat(c.text()).contains("jane@example.com").contains(AGENT.id());
        });

        page = customer.press(link, "open_form:6", null);
        assertThat(page).contains("type=\"password\"").contains("action=\"" + path(link) + "/credentials\"");
        HttpResponse<String> report = customer.post(link + "/credentials", form(Map.of(
                "api_path", "https://api.bigcommerce.com/stores/abc123/v3/", "client_id", CLIENT_ID, "access_token", TOKEN)));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("All set").contains("Plant Parlour").doesNotContain(TOKEN);

        assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN) || line.contains(tokenOf(link)));
    }

    @Test
    void aSecondBrowserIsTurnedAwayAndCannotReachTheFirstOnesSetup() throws Exception {
        String link = linkFor("Jane Doe");
        Browser customer = new Browser();
        assertThat(customer.get(link).statusCode()).isEqualTo(200);

        Browser other = new Browser();
        HttpResponse<String> refused = other.get(link);
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(refused.body()).contains("already opened in another browser").doesNotContain("Exception").doesNotContain("at dev.");
        assertThat(other.post(link, "action=next%3A0").statusCode()).isEqualTo(410);
        assertThat(other.post(link + "/credentials", "access_token=x").statusCode()).isEqualTo(410);

        String otherLink = linkFor("Someone Else");
        assertThat(other.get(otherLink).statusCode()).isEqualTo(200);
        assertThat(customer.get(otherLink).statusCode()).as("one browser's cookie opens only the links it opened first")
                .isEqualTo(410);
    }

    @Test
    void unknownAndExpiredLinksGetAClearPage() throws Exception {
        Browser browser = new Browser();
        String link = linkFor("late@example.com");
        int port = server.port();
        HttpResponse<String> unknown = browser.get("http://localhost:" + port + "/setup/" + "A".repeat(43));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no setup at this link");
        assertThat(browser.get("http://localhost:" + port + "/setup/nonsense").statusCode()).isEqualTo(404);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        try {
            HttpResponse<String> expired = browser.get(link);
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("expired");
        } finally {
            clock.advance(Duration.ofDays(-7).minusMinutes(1));
        }
    }

    @Test
    void anAgentWhoNamesNobodyIsToldWhatToType() throws Exception {
        send(teams.text(Chat.personal("a:1links-empty"), AGENT, "setup for <at></at>"));
        // Only this chat's answer: a card from an earlier test's hand-off may reach the connector meanwhile.
        assertThat(connector.calls()).filteredOn(call -> call.conversationId().equals("a:1links-empty"))
                .singleElement().satisfies(call -> assertThat(call.text()).contains("name or e-mail address"));
    }

    private String linkFor(String customer) throws Exception {
        connector.clear();
        send(teams.text(Chat.personal("a:1links-" + System.nanoTime()), AGENT, "setup for " + customer));
        String text = connector.calls().get(0).text();
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a link in %s", text).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(server.port());
        connector.clear();
        return m.group();
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private void send(Object activity) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
                .build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }

    /** A browser: keeps its cookies and follows the page's redirects after a post. */
    private static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String press(String link, String action, String extra) throws Exception {
            String body = "action=" + URLEncoder.encode(action, StandardCharsets.UTF_8) + (extra == null ? "" : "&" + extra);
            HttpResponse<String> response = post(link, body);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }
}
