package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.teams.FakeBotConnector;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.net.CookieManager;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route that takes a body refuses one over 64 KB with 413 and a one-line answer, whether the size is
 * announced up front or only shows while streaming; nothing reaches Slack, the Bot Connector or the log as an error.
 */
class RequestLimitsTest {

    @TempDir
    static Path dataDir;

    private static List<String> routes;

    private static FakeSlackApi slack;
    private static FakeBotConnector connector;
    private static BotServer server;
    private static LogCapture logs;
    // One browser, so the one-time link stays this client's for every request.
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        connector = new FakeBotConnector();
        server = BotServer.start(TestConfig.slack(dataDir, slack.url()), Clock.systemUTC());
        String link = inviteLink(server, connector);
        connector.clear();
        routes = List.of("/slack/events", "/api/messages", "/playground", "/playground/credentials", link, link + "/credentials");
        logs = LogCapture.attach();
    }

    @AfterAll
    static void stop() {
        logs.close();
        server.close();
        slack.close();
        connector.close();
    }

    @Test
    void refusesABodyOver64KilobytesOnEveryRouteWith413() throws Exception {
        byte[] big = "a=".concat("x".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        for (String route : routes) {
            for (String type : List.of("application/x-www-form-urlencoded", "application/json", "text/plain")) {
                HttpResponse<String> announced = send(route, type, HttpRequest.BodyPublishers.ofByteArray(big));
                assertThat(announced.statusCode()).as("%s %s with Content-Length", route, type).isEqualTo(413);
                assertThat(announced.body()).as(route).doesNotContain("Exception").doesNotContain("\tat ").hasSizeLessThan(300);

                HttpResponse<String> streamed = send(route, type, chunked(big));
                assertThat(streamed.statusCode()).as("%s %s chunked", route, type).isEqualTo(413);
                assertThat(streamed.body()).as(route).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
        assertThat(slack.sent()).isEmpty();
        assertThat(connector.calls()).isEmpty();
        assertThat(logs.lines()).noneMatch(line -> line.contains("\tat ") || line.contains(" ERROR") || line.contains("failed"));
    }

    @Test
    void acceptsABodyJustUnderTheLimit() throws Exception {
        byte[] fits = "a=".concat("x".repeat(60 * 1024)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send("/playground", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofByteArray(fits));
        assertThat(response.statusCode()).isNotEqualTo(413).isLessThan(500);
    }

    private HttpResponse<String> send(String route, String type, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + route))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", type).POST(body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The path of a one-time setup link, asked for by an agent in a Teams personal chat (emulator mode). */
    static String inviteLink(BotServer server, FakeBotConnector connector) throws Exception {
        JsonNode ask = new TeamsActivities(connector.serviceUrl()).text(Chat.personal("a:1limits-agent"),
                new Person("29:1limits-agent", "Ada Agent"), "setup for Jane Doe");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ask.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isLessThan(300);
        Matcher link = Pattern.compile("/setup/[A-Za-z0-9_-]{43}").matcher(connector.calls().get(0).text());
        assertThat(link.find()).isTrue();
        return link.group();
    }

    /** The same bytes with no Content-Length: the server only learns the size while reading. */
    static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
    }
}
