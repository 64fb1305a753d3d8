package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.FakeMicrosoftLogin;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import dev.bcsetup.teams.TokenMinter;
import dev.bcsetup.teams.TokenMinter.Claims;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an app ID, every activity must carry a Bot Framework token the SDK validates against the published
 * keys (here served on loopback by the test): anything forged, expired, not yet valid, from another issuer,
 * for another bot or another service URL is refused with 401 before the bot sees it, so nothing reaches the
 * Bot Connector. A genuine token gets its answer, sent with a token from the (fake) Microsoft login.
 */
class TeamsAuthTest {

    @TempDir
    static Path dataDir;

    private static final String APP_ID = "0b6b2f0e-4c1e-4d7e-9a57-6c3b1f2f7a10";
    private static final String OTHER_APP = "7d3c0c3a-1111-4a4a-8b8b-2c2c2c2c2c2c";
    private static final String APP_PASSWORD = "auth-test-app-password-Zq8~x";
    /** The issuer of Bot Framework Emulator tokens, whose keys the SDK would fetch from Microsoft's login. */
    private static final String EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private static final Person MERCHANT = new Person("29:1merchant-auth", "Mia Merchant");

    private static FakeBotConnector connector;
    private static FakeMicrosoftLogin login;
    private static TokenMinter channel;
    private static BotServer server;
    private static TeamsActivities teams;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeBotConnector();
        login = FakeMicrosoftLogin.start(dataDir);
        channel = new TokenMinter("bf-key-1");
        String metadata = channel.publish(connector);
        teams = new TeamsActivities(connector.serviceUrl());
        server = BotServer.start(TestConfig.local(dataDir.resolve("server"), "MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", APP_PASSWORD, "MICROSOFT_OPENID_METADATA_URL", metadata),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
        login.close();
        connector.close();
    }

    @Test
    void acceptsAGenuineChannelTokenAndAnswersWithATokenFromTheLogin() throws Exception {
        connector.clear();
        JsonNode start = teams.text(Chat.personal("a:1auth-genuine"), MERCHANT, "start");
        assertThat(post(start, channel.token(genuine()))).isEqualTo(202);
        List<FakeBotConnector.Call> calls = connector.awaitCalls(1, Duration.ofSeconds(10));
        assertThat(calls).as("the answer to a genuine activity").isNotEmpty();
        assertThat(calls.get(0).authorization()).isIn(login.tokens().stream().map(token -> "Bearer " + token).toList());
        assertThat(login.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.form()).containsEntry("client_id", APP_ID).containsEntry("client_secret", APP_PASSWORD);
            assertThat(request.tenant()).isEqualTo("botframework.com");
        });
    }

    @Test
    void refusesForgedExpiredMisaddressedAndMissingTokensWithoutSideEffects() throws Exception {
        Instant now = Instant.now();
        Claims genuine = Claims.genuine(APP_ID, connector.serviceUrl(), now, Duration.ofHours(1));
        TokenMinter forger = new TokenMinter("bf-key-1");
        Map<String, String> forgeries = new LinkedHashMap<>();
        forgeries.put("signed with another key under the published key ID", forger.token(genuine));
        forgeries.put("signed with a key the JWKS does not hold", forger.tokenNamingKey(genuine, "bf-key-unpublished"));
        forgeries.put("alg none, no signature", channel.unsignedToken(genuine));
        forgeries.put("HS256 keyed with the published public key", channel.hmacWithPublicKey(genuine));
        forgeries.put("from another issuer", channel.token(genuine.withIssuer("https://evil.example")));
        forgeries.put("from the emulator's issuer", channel.token(genuine.withIssuer(EMULATOR_ISSUER)));
        forgeries.put("for another bot", channel.token(Claims.genuine(OTHER_APP, connector.serviceUrl(), now, Duration.ofHours(1))));
        forgeries.put("for another service URL", channel.token(Claims.genuine(APP_ID, "https://smba.trafficmanager.net/amer/", now,
                Duration.ofHours(1))));
        forgeries.put("expired", channel.token(Claims.genuine(APP_ID, connector.serviceUrl(), now.minus(Duration.ofHours(3)),
                Duration.ofHours(1))));
        forgeries.put("not valid for 10 minutes (beyond the 5 minutes' clock skew)",
                channel.token(genuine.withNotBefore(now.plus(Duration.ofMinutes(10)))));
        forgeries.put("a genuine token with its payload swapped", swapPayload(channel.token(genuine),
                channel.token(Claims.genuine(OTHER_APP, connector.serviceUrl(), now, Duration.ofHours(1)))));
        forgeries.put("no Bearer prefix", channel.token(genuine).substring("Bearer ".length()));
        forgeries.put("garbage", "Bearer not.a.jwt");
        forgeries.put("empty", "");

        connector.clear();
        JsonNode start = teams.text(Chat.personal("a:1auth-forged"), MERCHANT, "start");
        for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
            assertThat(post(start, forgery.getValue())).as(forgery.getKey()).isEqualTo(401);
            assertThat(connector.calls()).as("the Bot Connector after a token " + forgery.getKey()).isEmpty();
        }
        assertThat(post(start, null)).as("no token").isEqualTo(401);
        assertThat(connector.calls()).isEmpty();

        // The same activity with a genuine token is answered: the refusals above were for the tokens alone.
        assertThat(post(start, channel.token(genuine))).isEqualTo(202);
        assertThat(connector.awaitCalls(1, Duration.ofSeconds(10))).as("the answer once the token is genuine").isNotEmpty();
    }

    @Test
    void malformedActivityIsRefusedBeforeAuthentication() throws Exception {
        connector.clear();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"type\":")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(connector.calls()).isEmpty();
    }

    private static Claims genuine() {
        return Claims.genuine(APP_ID, connector.serviceUrl(), Instant.now(), Duration.ofHours(1));
    }

    /** The header and signature of {@code signed} around the payload of {@code other}. */
    private static String swapPayload(String signed, String other) {
        String[] parts = signed.split("\\.");
        return parts[0] + "." + other.split("\\.")[1] + "." + parts[2];
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
