package dev.bcsetup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Requests shaped like Slack's own (form-encoded slash commands, {@code payload=} block actions, JSON
 * event callbacks), signed as Slack signs them, sent over real HTTP.
 */
public final class SlackRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ID = "A0BCSETUP1";

    private final String signingSecret;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong triggers = new AtomicLong();
    private final Duration timeout;
    private volatile long triggerAgeMillis;

    public SlackRequests(String signingSecret, URI endpoint) {
        this(signingSecret, endpoint, Duration.ofMinutes(5));
    }

    /** Requests that give up after {@code timeout} without an answer (an {@code IllegalStateException}). */
    public SlackRequests(String signingSecret, URI endpoint, Duration timeout) {
        this.signingSecret = signingSecret;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** Later clicks carry triggers issued this long ago, as when a request reaches the bot late. */
    public void triggersIssuedAgo(long millis) {
        this.triggerAgeMillis = millis;
    }

    /** A fresh {@code trigger_id} as Slack issues one per click; the fake reads its issue time from the front. */
    public String nextTrigger() {
        return (System.currentTimeMillis() - triggerAgeMillis) + "." + triggers.incrementAndGet() + ".a1b2c3d4e5";
    }

    public HttpResponse<String> slashCommand(String team, String user, String channel, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", team);
        form.put("team_domain", "acme");
        form.put("channel_id", channel);
        form.put("channel_name", channel.startsWith("D") ? "directmessage" : "general");
        form.put("user_id", user);
        form.put("user_name", "mia");
        form.put("command", "/bigcommerce-setup");
        form.put("text", text);
        form.put("api_app_id", APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", "https://hooks.slack.com/commands/" + team + "/1/abc");
        form.put("trigger_id", nextTrigger());
        return send("application/x-www-form-urlencoded", formBody(form));
    }

    /** Clicks the button whose value is {@code value} on a message the bot sent, ticking {@code ticked} boxes. */
    public HttpResponse<String> click(String team, String user, FakeSlackApi.Call message, String value, List<String> ticked) {
        JsonNode blocks = message.json("blocks");
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("type").asText().equals("button") && element.path("value").asText().equals(value)) {
                    String ts = message.param("ts") != null ? message.param("ts") : null;
                    return blockAction(team, user, message.param("channel"), ts, block.path("block_id").asText(), element, blocks, ticked);
                }
            }
        }
        throw new AssertionError("no button with value " + value + " on " + message.blocksText());
    }

    /** Clicks the button with this {@code action_id} on a message the bot sent. */
    public HttpResponse<String> clickAction(String team, String user, FakeSlackApi.Call message, String actionId) {
        JsonNode blocks = message.json("blocks");
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("type").asText().equals("button") && element.path("action_id").asText().equals(actionId)) {
                    return blockAction(team, user, message.param("channel"), message.param("ts"), block.path("block_id").asText(),
                            element, blocks, List.of());
                }
            }
        }
        throw new AssertionError("no button with action_id " + actionId + " on " + message.blocksText());
    }

    public HttpResponse<String> blockAction(String team, String user, String channel, String messageTs, String blockId,
                                            JsonNode button, JsonNode blocks, List<String> ticked) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", user).put("username", "mia").put("name", "mia").put("team_id", team);
        payload.put("api_app_id", APP_ID);
        payload.put("token", "legacy-verification-token");
        ObjectNode container = payload.putObject("container");
        container.put("type", "message").put("message_ts", messageTs).put("channel_id", channel).put("is_ephemeral", false);
        payload.put("trigger_id", nextTrigger());
        payload.putObject("team").put("id", team).put("domain", "acme");
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        payload.putObject("channel").put("id", channel).put("name", "directmessage");
        ObjectNode message = payload.putObject("message");
        message.put("type", "message").put("user", FakeSlackApi.BOT_USER).put("ts", messageTs).put("text", "step");
        message.set("blocks", blocks);
        ObjectNode values = payload.putObject("state").putObject("values");
        if (blocks.toString().contains("\"checkboxes\"")) {
            ObjectNode checkboxes = values.putObject("data_sets").putObject("data_sets");
            checkboxes.put("type", "checkboxes");
            ArrayNode selected = checkboxes.putArray("selected_options");
            for (String value : ticked) {
                ObjectNode option = selected.addObject();
                option.putObject("text").put("type", "plain_text").put("text", value).put("emoji", true);
                option.put("value", value);
            }
        }
        payload.put("response_url", "https://hooks.slack.com/actions/" + team + "/1/xyz");
        ArrayNode actions = payload.putArray("actions");
        ObjectNode action = actions.addObject();
        action.put("action_id", button.path("action_id").asText()).put("block_id", blockId);
        action.set("text", button.path("text"));
        action.put("value", button.path("value").asText()).put("type", "button").put("action_ts", "1780000000.1");
        if (button.has("style")) {
            action.put("style", button.path("style").asText());
        }
        return send("application/x-www-form-urlencoded", "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
    }

    /** Clicks the button whose value is {@code value} in an open modal ({@code view} as the fake holds it). */
    public HttpResponse<String> clickInView(String team, String user, JsonNode view, String value) {
        for (JsonNode block : view.path("blocks")) {
            for (JsonNode button : block.path("elements")) {
                if (button.path("type").asText().equals("button") && button.path("value").asText().equals(value)) {
                    ObjectNode payload = JSON.createObjectNode();
                    payload.put("type", "block_actions");
                    payload.putObject("user").put("id", user).put("username", "mia").put("name", "mia").put("team_id", team);
                    payload.put("api_app_id", APP_ID).put("token", "legacy-verification-token");
                    payload.putObject("container").put("type", "view").put("view_id", view.path("id").asText());
                    payload.put("trigger_id", nextTrigger());
                    payload.putObject("team").put("id", team).put("domain", "acme");
                    payload.put("is_enterprise_install", false);
                    payload.set("view", view);
                    ObjectNode action = payload.putArray("actions").addObject();
                    action.put("action_id", button.path("action_id").asText()).put("block_id", block.path("block_id").asText());
                    action.set("text", button.path("text"));
                    action.put("value", value).put("type", "button").put("action_ts", "1780000000.4");
                    return send("application/x-www-form-urlencoded",
                            "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
                }
            }
        }
        throw new AssertionError("no button with value " + value + " in view " + view);
    }

    /**
     * Sends the modal {@code view} (as the fake holds it) with {@code values} typed into its inputs, by block
     * ID, as Slack's {@code view_submission}; the answer's body is the acknowledgement Slack would act on.
     */
    public HttpResponse<String> submitView(String team, String user, JsonNode view, Map<String, String> values) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", team).put("domain", "acme");
        payload.putObject("user").put("id", user).put("username", "mia").put("name", "mia").put("team_id", team);
        payload.put("api_app_id", APP_ID).put("token", "legacy-verification-token");
        payload.put("trigger_id", nextTrigger());
        payload.put("is_enterprise_install", false);
        ObjectNode submitted = view.deepCopy();
        ObjectNode state = submitted.putObject("state").putObject("values");
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                String blockId = block.path("block_id").asText();
                String actionId = block.path("element").path("action_id").asText();
                ObjectNode input = state.putObject(blockId).putObject(actionId);
                input.put("type", "plain_text_input");
                if (values.containsKey(blockId)) {
                    input.put("value", values.get(blockId));
                } else {
                    input.putNull("value");
                }
            }
        }
        payload.set("view", submitted);
        payload.putArray("response_urls");
        return send("application/x-www-form-urlencoded", "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
    }

    /** An Events API delivery; {@code retryNum} above 0 sends it as Slack's retry of the same event. */
    public HttpResponse<String> event(String eventId, String team, ObjectNode event, int retryNum) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("token", "legacy-verification-token");
        envelope.put("team_id", team);
        envelope.put("api_app_id", APP_ID);
        envelope.set("event", event);
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", 1_780_000_000L);
        envelope.putArray("authorizations").addObject().put("team_id", team).put("user_id", FakeSlackApi.BOT_USER)
                .put("is_bot", true);
        String body = envelope.toString();
        long ts = System.currentTimeMillis() / 1000;
        HttpRequest.Builder request = request("application/json", body, ts, sign(ts, body));
        if (retryNum > 0) {
            request.header("X-Slack-Retry-Num", Integer.toString(retryNum)).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return send(request.build());
    }

    public static ObjectNode appHomeOpened(String user) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "app_home_opened").put("user", user).put("channel", "D" + user.substring(1))
                .put("tab", "home").put("event_ts", "1780000000.2");
        return event;
    }

    public static ObjectNode appUninstalled() {
        return JSON.createObjectNode().put("type", "app_uninstalled").put("event_ts", "1780000000.3");
    }

    public HttpResponse<String> send(String contentType, String body) {
        long ts = System.currentTimeMillis() / 1000;
        return send(contentType, body, ts, sign(ts, body));
    }

    public HttpResponse<String> send(String contentType, String body, long timestamp, String signature) {
        return send(request(contentType, body, timestamp, signature).build());
    }

    public String sign(long timestamp, String body) {
        return new SlackSignature.Generator(signingSecret).generate(Long.toString(timestamp), body);
    }

    private HttpRequest.Builder request(String contentType, String body, long timestamp, String signature) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
