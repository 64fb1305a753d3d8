package dev.bcsetup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.bcsetup.server.BotServer;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.SlackRequests;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Slack: merchants clicking through the whole guide with signed requests against the real server, whose Web API
 * calls land on the fake Slack; beside a bare Bolt app that only acknowledges the same requests behind Javalin.
 */
final class SlackBench {

    private static final String BOT_TOKEN = "xoxb-1111-2222-BENCHBOTTOKEN";
    private static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
    private static final String TEAM = FakeSlackApi.TEAM;
    private static final String CHANNEL = "C0GENERAL01";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One journey: the command, the direction, Next with data sets ticked, then Next to step 7. */
    static final int CLICKS_PER_JOURNEY = 8;
    /** How step 1 marks the direction the merchant chose. */
    private static final String DIRECTION_CHOSEN = "✓ Into BigCommerce";
    /** How long the queued work may take to catch up after the last acknowledgement. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private SlackBench() {
    }

    static List<Row> run(Plan plan) throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi(BOT_TOKEN, CHANNEL)) {
            System.out.println("Slack path");
            Javalin baseline = bareBolt(slack.url());
            PathComparison.Comparison comparison;
            try (BotServer server = BenchServers.bot("PUBLIC_BASE_URL", "https://bot.example.com",
                    "SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slack.url())) {
                int[] lastClicks = new int[plan.merchants()];
                // After each of the bot's rounds its queued work finishes, and every DM must show where its merchant is.
                comparison = PathComparison.compare(plan,
                        new PathComparison.Side("bare Bolt app", new Load(plan.merchants(),
                                merchants(baseline.port(), new int[plan.merchants()])), PathComparison.Settle.nothing()),
                        new PathComparison.Side("bot", new Load(plan.merchants(), merchants(server.port(), lastClicks)),
                                () -> awaitCurrentSteps(slack, lastClicks, DRAIN_LIMIT)));
            } finally {
                baseline.stop();
            }
            PathComparison.Phases bot = comparison.bot();
            long lastSteps = slack.calls().stream().filter(c -> c.ok() && c.blocksText().contains("Step 7 of 7")).count();
            System.out.printf("  bot: every DM showed its merchant's current step at most %d ms after a round's last"
                            + " acknowledgement (%.0f µs of CPU per flat-out acknowledgement with the work still queued then);"
                            + " %d step messages showed step 7 of 7; %d Web API calls; %d payloads Slack would refuse%n",
                    bot.slowestSettleMillis(), bot.cpuMicrosPerFlatOutRequestWithQueuedWork(), lastSteps,
                    slack.calls().size(), slack.problems().size());
            if (lastSteps == 0) {
                throw new IllegalStateException("no merchant reached step 7: the Slack journey is not what it claims");
            }
            return PathComparison.rows("Slack", "bare Bolt", plan.merchants(), comparison);
        }
    }

    /**
     * Each merchant's clicks, in a loop of journeys; the message ts is the bot's to remember, as in Slack. The index of
     * each merchant's last acknowledged click goes into {@code lastClicks}.
     */
    private static Load.Merchant merchants(int port, int[] lastClicks) {
        SlackRequests requests = new SlackRequests(SIGNING_SECRET, URI.create("http://127.0.0.1:" + port + "/slack/events"));
        return (merchant, click) -> {
            int status = click(requests, merchant, click);
            if (status < 300) {
                lastClicks[merchant] = click;
            }
            return status;
        };
    }

    private static int click(SlackRequests requests, int merchant, int click) {
        String user = user(merchant);
        int step = click % CLICKS_PER_JOURNEY;
        if (step == 0) {
            return requests.slashCommand(TEAM, user, CHANNEL, click == 0 ? "" : "restart").statusCode();
        }
        String value = step == 1 ? "choose_direction:0:TO_BIGCOMMERCE" : "next:" + (step - 2);
        boolean ticks = step == 2;
        ArrayNode blocks = JSON.createArrayNode();
        ObjectNode button = JSON.createObjectNode().put("type", "button").put("action_id", "bc." + value).put("value", value);
        button.putObject("text").put("type", "plain_text").put("text", "Next");
        if (ticks) {
            blocks.addObject().put("type", "actions").put("block_id", "data_sets").putArray("elements").addObject()
                    .put("type", "checkboxes").put("action_id", "data_sets");
        }
        blocks.addObject().put("type", "actions").put("block_id", "nav").putArray("elements").add(button);
        return requests.blockAction(TEAM, user, dm(merchant), "1780000001.000100", "nav", button, blocks,
                ticks ? List.of("PRODUCTS", "ORDERS") : List.of()).statusCode();
    }

    private static String user(int merchant) {
        return String.format("U0M%07d", merchant);
    }

    private static String dm(int merchant) {
        return "D" + user(merchant).substring(1);
    }

    /**
     * Waits until the last step message each merchant's DM received (posted or updated) shows the step of that
     * merchant's last acknowledged click: the command shows step 1, the direction ticks it, each Next moves one on.
     * Returns the milliseconds it took; throws, naming a merchant whose DM is wrong, after {@code limit}.
     */
    private static long awaitCurrentSteps(FakeSlackApi slack, int[] lastClicks, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            Map<String, FakeSlackApi.Call> latest = new HashMap<>();
            for (FakeSlackApi.Call call : slack.messagesWithBlocks()) {
                latest.put(call.param("channel"), call);
            }
            Optional<String> wrong = Optional.empty();
            for (int merchant = 0; merchant < lastClicks.length && wrong.isEmpty(); merchant++) {
                FakeSlackApi.Call message = latest.get(dm(merchant));
                String shown = message == null ? "nothing" : message.blocksText();
                int step = lastClicks[merchant] % CLICKS_PER_JOURNEY;
                String progress = "Step " + Math.max(1, step) + " of 7";
                boolean chosen = shown.contains(DIRECTION_CHOSEN);
                if (!shown.contains(progress) || (step == 0 && chosen) || (step == 1 && !chosen)) {
                    wrong = Optional.of(user(merchant) + " is at click " + step + " of a journey (" + progress
                            + (step == 1 ? ", direction chosen" : "") + ") but the DM shows " + shown);
                }
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (wrong.isEmpty()) {
                return waited;
            }
            if (waited > limit.toMillis()) {
                throw new IllegalStateException("after " + waited + " ms the last Slack update is not the merchant's step: "
                        + wrong.get());
            }
            Thread.sleep(100);
        }
    }

    /** Bolt with the bot's AppConfig style and handlers that only acknowledge, hosted as SlackEndpoint hosts the bot. */
    private static Javalin bareBolt(String slackUrl) throws Exception {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(slackUrl + "api/");
        AppConfig config = AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .singleTeamBotToken(BOT_TOKEN)
                .signingSecret(SIGNING_SECRET)
                .clientId(null)
                .clientSecret(null)
                .scope(null)
                .build();
        App app = new App(config);
        app.command("/bigcommerce-setup", (req, ctx) -> ctx.ack());
        app.blockAction(Pattern.compile(".*"), (req, ctx) -> ctx.ack());
        app.start();
        SlackRequestParser parser = new SlackRequestParser(config);
        return BenchServers.bare("/slack/events", ctx -> serve(app, parser, ctx));
    }

    private static void serve(App app, SlackRequestParser parser, Context ctx) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path()).queryString(ctx.queryParamMap()).headers(new RequestHeaders(headers))
                .requestBody(ctx.body()).remoteAddress(ctx.ip()).build());
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }
}
