package dev.bcsetup.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import dev.bcsetup.teams.CardChecks;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A merchant in one of the three places the guide runs, driven over HTTP the way that platform drives the bot, against
 * whichever instance of the packaged server runs now ({@link #connect}). Every call returns the step the bot showed.
 */
sealed interface PlatformMerchant permits PlatformMerchant.Slack, PlatformMerchant.Teams, PlatformMerchant.Web {

    Duration PATIENCE = Duration.ofSeconds(30);

    /** A step as the bot showed it: its number ("Step 4 of 7") and the whole rendering. */
    record Shown(int number, String text) {

        private static final Pattern PROGRESS = Pattern.compile("Step (\\d+) of 7");

        static Shown of(String rendering) {
            Matcher progress = PROGRESS.matcher(rendering);
            if (!progress.find()) {
                throw new AssertionError("no step in " + rendering);
            }
            return new Shown(Integer.parseInt(progress.group(1)), rendering);
        }
    }

    /** The instance stopped answering: it was killed under the request, or before its answer arrived. */
    final class NoAnswer extends RuntimeException {
        NoAnswer(String what, Throwable cause) {
            super(what, cause);
        }
    }

    String platform();

    /** From now on, talk to {@code server}. */
    void connect(PackagedServer server);

    /** Opens the guide. */
    Shown begin();

    /** Asks where the setup is, the way a merchant coming back would. */
    Shown status();

    /** Presses the button whose value is {@code value} on the latest message that has it, ticking {@code ticked}. */
    Shown press(String value, List<String> ticked, BooleanSupplier stopped);

    default Shown press(String value, List<String> ticked) {
        return press(value, ticked, () -> false);
    }

    default Shown press(String value) {
        return press(value, List.of());
    }

    /** The permissions step's rows, each as "Products: Modify (required)". */
    List<String> scopeRows(Shown shown);

    /** Signed slash commands and clicks to {@code /slack/events}; the step arrives in the DM through the fake Slack. */
    final class Slack implements PlatformMerchant {

        private static final Pattern ROW = Pattern.compile("• ([^:\"]+): \\*([^*]+)\\* \\((required|optional)\\)");

        private final FakeSlackApi api;
        private final String signingSecret;
        private final String user;
        private final String dm;
        private final List<Call> renderings = new CopyOnWriteArrayList<>();
        private volatile SlackRequests requests;

        Slack(FakeSlackApi api, String signingSecret, String user) {
            this.api = api;
            this.signingSecret = signingSecret;
            this.user = user;
            this.dm = "D" + user.substring(1);
        }

        @Override
        public String platform() {
            return "Slack";
        }

        @Override
        public void connect(PackagedServer server) {
            requests = new SlackRequests(signingSecret, server.uri("/slack/events"));
        }

        @Override
        public Shown begin() {
            return command("");
        }

        /** {@code /bigcommerce-setup status} typed in a channel: the bot posts the step in the DM. */
        @Override
        public Shown status() {
            return command("status");
        }

        private Shown command(String text) {
            int mark = api.calls().size();
            answered(() -> requests.slashCommand(FakeSlackApi.TEAM, user, "C0GENERAL01", text));
            return await(mark, () -> false);
        }

        @Override
        public Shown press(String value, List<String> ticked, BooleanSupplier stopped) {
            String button = "\"value\":\"" + value + "\"";
            Call message = null;
            for (Call rendering : renderings) {
                if (rendering.blocksText().contains(button)) {
                    message = rendering;
                }
            }
            if (message == null) {
                throw new AssertionError("no step message with a button " + value);
            }
            Call on = message;
            int mark = api.calls().size();
            answered(() -> requests.click(FakeSlackApi.TEAM, user, on, value, ticked));
            return await(mark, stopped);
        }

        /** The latest rendering of the step message (posted or updated). */
        Call last() {
            return renderings.get(renderings.size() - 1);
        }

        @Override
        public List<String> scopeRows(Shown shown) {
            List<String> rows = new ArrayList<>();
            Matcher row = ROW.matcher(shown.text());
            while (row.find()) {
                rows.add(row.group(1) + ": " + row.group(2) + " (" + row.group(3) + ")");
            }
            return rows;
        }

        /** Slack acknowledges at once and works afterwards: the answer is the next step message in the DM. */
        private Shown await(int mark, BooleanSupplier stopped) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!stopped.getAsBoolean() && System.nanoTime() < deadline) {
                List<Call> calls = api.calls();
                for (int i = mark; i < calls.size(); i++) {
                    Call call = calls.get(i);
                    if (call.ok() && (call.method().equals("chat.postMessage") || call.method().equals("chat.update"))
                            && dm.equals(call.param("channel")) && call.blocksText().contains(" of 7")) {
                        renderings.add(call);
                        return Shown.of(call.blocksText());
                    }
                }
                FakeSlackApi.pause(10);
            }
            throw new NoAnswer("Slack never received the step message", null);
        }

        private static void answered(Supplier<HttpResponse<String>> request) {
            HttpResponse<String> response;
            try {
                response = request.get();
            } catch (IllegalStateException e) {
                throw new NoAnswer("Slack's request was not answered", e);
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("Slack's request was answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** Activities to {@code /api/messages} in emulator mode; cards arrive at the fake Bot Connector within the turn. */
    final class Teams implements PlatformMerchant {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final FakeBotConnector connector;
        private final TeamsActivities activities;
        private final TeamsActivities.Person person;
        private final TeamsActivities.Chat chat;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private volatile URI endpoint;
        private volatile String cardId;

        Teams(FakeBotConnector connector, String personId, String chatId) {
            this.connector = connector;
            this.activities = new TeamsActivities(connector.serviceUrl());
            this.person = new TeamsActivities.Person(personId, "Morgan Merchant");
            this.chat = TeamsActivities.Chat.personal(chatId);
        }

        @Override
        public String platform() {
            return "Teams";
        }

        @Override
        public void connect(PackagedServer server) {
            endpoint = server.uri("/api/messages");
        }

        @Override
        public Shown begin() {
            return send(activities.text(chat, person, "start"));
        }

        /** "status" typed in the chat: the bot sends the step as a new card. */
        @Override
        public Shown status() {
            return send(activities.text(chat, person, "status"));
        }

        @Override
        public Shown press(String value, List<String> ticked, BooleanSupplier stopped) {
            ObjectNode data = JSON.createObjectNode().put("action", value).put("user", person.id());
            if (!ticked.isEmpty()) {
                data.put("dataSets", String.join(",", ticked));
            }
            return send(activities.press(chat, person, cardId, data));
        }

        /** The message that shows the setup's card now. */
        String cardId() {
            return cardId;
        }

        @Override
        public List<String> scopeRows(Shown shown) {
            List<String> rows = new ArrayList<>();
            try {
                for (JsonNode row : CardChecks.elements(JSON.readTree(shown.text()), "TableRow")) {
                    List<String> cells = new ArrayList<>();
                    row.path("cells").forEach(cell -> cells.add(cell.path("items").path(0).path("text").asText()));
                    rows.add(cells.get(0) + ": " + cells.get(1) + " (" + cells.get(2) + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }

        /** Posts the activity; the turn sends (or replaces) the card before the 202. */
        private Shown send(ObjectNode activity) {
            int mark = connector.calls().size();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(endpoint).timeout(PATIENCE).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new NoAnswer("Teams' activity was not answered", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoAnswer("interrupted", e);
            }
            if (status != 202) {
                throw new AssertionError("Teams' activity was answered " + status);
            }
            List<FakeBotConnector.Call> calls = connector.calls();
            for (FakeBotConnector.Call call : calls.subList(mark, calls.size())) {
                if (call.conversationId().equals(chat.id()) && call.isCard() && call.card().toString().contains(" of 7")) {
                    cardId = call.method().equals("POST") ? call.id() : call.activityId();
                    return Shown.of(call.card().toString());
                }
            }
            throw new AssertionError("no card in the turn's answers: " + calls.subList(mark, calls.size()));
        }
    }

    /** The playground in a browser: one cookie, form posts answered by a redirect to the page. */
    final class Web implements PlatformMerchant {

        private static final Pattern ROW = Pattern.compile(
                "<tr class=\"(required|optional)\"><td>([^<]+)</td><td>([^<]+)</td>");

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        private volatile PackagedServer server;

        @Override
        public String platform() {
            return "playground";
        }

        @Override
        public void connect(PackagedServer server) {
            this.server = server;
        }

        @Override
        public Shown begin() {
            return status();
        }

        /** The page, loaded again. */
        @Override
        public Shown status() {
            return Shown.of(exchange(HttpRequest.newBuilder(server.uri("/")), 200));
        }

        @Override
        public Shown press(String value, List<String> ticked, BooleanSupplier stopped) {
            StringBuilder form = new StringBuilder("action=").append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            if (!ticked.isEmpty()) {
                form.append("&data-shown=1");
                ticked.forEach(set -> form.append("&data=").append(set));
            }
            exchange(HttpRequest.newBuilder(server.uri("/playground"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())), 303);
            return status();
        }

        @Override
        public List<String> scopeRows(Shown shown) {
            List<String> rows = new ArrayList<>();
            Matcher row = ROW.matcher(shown.text());
            while (row.find()) {
                rows.add(row.group(2) + ": " + row.group(3) + " (" + row.group(1) + ")");
            }
            return rows;
        }

        private String exchange(HttpRequest.Builder request, int expected) {
            HttpResponse<String> response;
            try {
                response = http.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new NoAnswer("the playground did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoAnswer("interrupted", e);
            }
            if (response.statusCode() != expected) {
                throw new AssertionError("the playground answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
