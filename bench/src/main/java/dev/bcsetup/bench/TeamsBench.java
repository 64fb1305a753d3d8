package dev.bcsetup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import dev.bcsetup.server.BotServer;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import dev.bcsetup.teams.TeamsJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Teams: merchants in personal chats walking the guide with activities posted to {@code /api/messages} (emulator
 * mode, the fake Bot Connector on loopback as serviceUrl); beside a bare Bot Framework adapter whose
 * ActivityHandler replies with plain text, behind the same HTTP server.
 */
final class TeamsBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLICKS_PER_JOURNEY = 8;
    /** What a Bot Connector call takes in Teams (100-300 ms), for the second comparison. */
    private static final Duration CONNECTOR_LATENCY = Duration.ofMillis(200);

    private TeamsBench() {
    }

    static List<Row> run(Plan plan) throws Exception {
        try (FakeBotConnector connector = new FakeBotConnector()) {
            connector.throttleEvery(0);
            // The fake keeps every call; the bench reads none of them, so they are dropped as they come.
            ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor();
            cleaner.scheduleWithFixedDelay(connector::clear, 1, 1, TimeUnit.SECONDS);
            try {
                System.out.println("Teams path");
                TeamsActivities activities = new TeamsActivities(connector.serviceUrl());
                Javalin baseline = bareBotFramework();
                try (BotServer server = BenchServers.bot()) {
                    List<Row> rows = new ArrayList<>(PathComparison.rows("Teams", "bare Bot Framework", plan.merchants(),
                            compare(plan, baseline, server, activities)));
                    System.out.printf("Teams path, the Bot Connector answering in %d ms as the real one does%n",
                            CONNECTOR_LATENCY.toMillis());
                    connector.answerAfter(CONNECTOR_LATENCY);
                    rows.addAll(slowConnectorRows(plan.merchants(),
                            compare(plan.slowConnector(), baseline, server, activities)));
                    return rows;
                } finally {
                    baseline.stop();
                }
            } finally {
                cleaner.shutdownNow();
            }
        }
    }

    private static PathComparison.Comparison compare(Plan plan, Javalin baseline, BotServer server,
                                                     TeamsActivities activities) throws Exception {
        return PathComparison.compare(plan,
                new PathComparison.Side("bare Bot Framework adapter",
                        new Load(plan.merchants(), merchants(baseline.port(), activities)), PathComparison.Settle.nothing()),
                // A Teams turn answers within the request: nothing is left queued after it.
                new PathComparison.Side("bot", new Load(plan.merchants(), merchants(server.port(), activities)),
                        PathComparison.Settle.nothing()));
    }

    /**
     * Figures without goals: with a connector that takes its real time, what a turn waits for is the connector, and
     * how many calls a side makes at once (the SDK's HTTP client: 5 per host) decides how fast merchants are answered.
     */
    private static List<Row> slowConnectorRows(int merchants, PathComparison.Comparison comparison) {
        String prefix = "Teams, " + merchants + " merchants, Bot Connector at " + CONNECTOR_LATENCY.toMillis() + " ms: ";
        List<Row> rows = new ArrayList<>();
        for (int percentile : new int[] {50, 99}) {
            double bot = comparison.bot().human().latencies().percentileMillis(percentile);
            double bare = comparison.bare().human().latencies().percentileMillis(percentile);
            rows.add(Row.info(prefix + "ack p" + percentile + ", human pace", Row.ms(bot),
                    Row.ms(bare) + " bare Bot Framework", Row.times(bot / bare)));
        }
        double rate = comparison.bot().flat().throughput();
        double rateBare = comparison.bare().flat().throughput();
        rows.add(Row.info(prefix + "throughput, flat out", String.format("%.0f acks/s", rate),
                String.format("%.0f acks/s bare Bot Framework", rateBare), Row.times(rate / rateBare)));
        return rows;
    }

    /** Each merchant's activities in a loop of journeys; the card id is the bot's to remember, as in Teams. */
    private static Load.Merchant merchants(int port, TeamsActivities activities) {
        HttpClient http = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
        return (merchant, click) -> {
            Person who = new Person(String.format("29:1merchant-%07d", merchant), "Merchant " + merchant);
            Chat chat = Chat.personal(String.format("a:1personal-%07d", merchant));
            int step = click % CLICKS_PER_JOURNEY;
            ObjectNode activity;
            if (step == 0) {
                activity = activities.text(chat, who, click == 0 ? "start" : "restart");
            } else {
                String action = step == 1 ? "choose_direction:0:TO_BIGCOMMERCE" : "next:" + (step - 2);
                ObjectNode value = JSON.createObjectNode().put("action", action).put("user", who.id());
                if (step == 2) {
                    value.put("dataSets", "PRODUCTS,ORDERS");
                }
                activity = activities.press(chat, who, "1:0", value);
            }
            HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        };
    }

    /** The SDK's adapter without credentials (as in emulator mode) and a handler that answers in plain text. */
    private static Javalin bareBotFramework() {
        BotFrameworkHttpAdapter adapter = new BotFrameworkHttpAdapter(new SimpleCredentialProvider(), new SimpleChannelProvider());
        Bot bot = new ActivityHandler() {
            @Override
            protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
                return turn.sendActivity(MessageFactory.text("Got it.")).thenApply(sent -> null);
            }
        };
        ObjectMapper json = TeamsJson.mapper();
        return BenchServers.bare("/api/messages", ctx -> serve(adapter, bot, json, ctx));
    }

    private static void serve(BotFrameworkHttpAdapter adapter, Bot bot, ObjectMapper json, Context ctx) throws Exception {
        Activity activity = json.readValue(ctx.body(), Activity.class);
        InvokeResponse invoke = adapter.processIncomingActivity(ctx.header("Authorization"), activity, bot)
                .get(60, TimeUnit.SECONDS);
        if (invoke == null) {
            ctx.status(202);
        } else {
            ctx.status(invoke.getStatus()).contentType("application/json").result(json.writeValueAsString(invoke.getBody()));
        }
    }
}
