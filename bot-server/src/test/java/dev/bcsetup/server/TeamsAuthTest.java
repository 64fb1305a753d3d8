package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import dev.bcsetup.teams.TokenMinter;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an app ID, every activity must carry a Bot Framework token the SDK validates against the published
 * keys (here served on loopback by the test): anything forged, expired, for another bot or another
 * service URL is refused with 401 before the bot sees it.
 */
class TeamsAuthTest {

    @TempDir
    static Path dataDir;

    private static final String APP_ID = "0b6b2f0e-4c1e-4d7e-9a57-6c3b1f2f7a10";
    private static final String OTHER_APP = "7d3c0c3a-1111-4a4a-8b8b-2c2c2c2c2c2c";
    private static final Person MERCHANT = new Person("29:1merchant-auth", "Mia Merchant");

    private static FakeBotConnector connector;
    private static TokenMinter channel;
    private static BotServer server;
    private static TeamsActivities teams;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeBotConnector();
        channel = new TokenMinter("bf-key-1");
        String metadata = channel.publish(connector);
        teams = new TeamsActivities(connector.serviceUrl());
        server = BotServer.start(TestConfig.local(dataDir, "MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", "not-used-by-these-tests", "MICROSOFT_OPENID_METADATA_URL", metadata),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
        connector.close();
    }

    @Test
    void acceptsAGenuineChannelToken() throws Exception {
        // An activity the bot answers with silence, so no outgoing token is needed to see it accepted.
        JsonNode activity = teams.memberAdded(Chat.group("19:auth-group@thread.v2"), MERCHANT, new Person("29:1new", "New"));
        String token = channel.token(APP_ID, connector.serviceUrl(), Instant.now(), Duration.ofHours(1));
        assertThat(post(activity, token)).isEqualTo(202);
    }

    @Test
    void refusesForgedExpiredMisaddressedAndMissingTokensWithoutSideEffects() throws Exception {
        JsonNode start = teams.text(Chat.personal("a:1auth-personal"), MERCHANT, "start");
        Instant now = Instant.now();
        TokenMinter forger = new TokenMinter("bf-key-1");
        assertThat(post(start, forger.token(APP_ID, connector.serviceUrl(), now, Duration.ofHours(1))))
                .as("signed with another key").isEqualTo(401);
        assertThat(post(start, channel.token(APP_ID, connector.serviceUrl(), now.minus(Duration.ofHours(3)), Duration.ofHours(1))))
                .as("expired").isEqualTo(401);
        assertThat(post(start, channel.token(OTHER_APP, connector.serviceUrl(), now, Duration.ofHours(1))))
                .as("for another bot").isEqualTo(401);
        assertThat(post(start, channel.token(APP_ID, "https://smba.trafficmanager.net/amer/", now, Duration.ofHours(1))))
                .as("for another service URL").isEqualTo(401);
        assertThat(post(start, null)).as("no token").isEqualTo(401);
        assertThat(post(start, "Bearer not.a.jwt")).as("garbage").isEqualTo(401);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void malformedActivityIsRefusedBeforeAuthentication() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"type\":")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(connector.calls()).isEmpty();
    }

    private int post(JsonNode activity, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
