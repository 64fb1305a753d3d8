package dev.bcsetup.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One merchant's personal chat with the bot in a test: activities posted to the server in emulator mode. */
final class TeamsChat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBotConnector connector;
    private final TeamsActivities teams;
    private final URI endpoint;
    private final Chat chat;
    private final Person merchant;
    private final HttpClient http = HttpClient.newHttpClient();
    private String cardId;

    TeamsChat(FakeBotConnector connector, int port, Person merchant) {
        this.connector = connector;
        this.teams = new TeamsActivities(connector.serviceUrl());
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
        this.chat = Chat.personal("a:1chat-" + System.nanoTime());
        this.merchant = merchant;
    }

    String conversationId() {
        return chat.id();
    }

    /** Installs the bot (the guide's first card) and presses through to step {@code number}; the card's activity id. */
    String toStep(int number) throws Exception {
        int before = connector.calls().size();
        post(teams.installed(chat, merchant));
        cardId = connector.calls().get(before).id();
        press("choose_direction:0:TO_BIGCOMMERCE", null);
        for (int at = 2; at <= number; at++) {
            press("next:" + (at - 2), at == 2 ? "PRODUCTS,ORDERS" : null);
        }
        return cardId;
    }

    /** Types {@code text} in the chat; the HTTP answer. */
    HttpResponse<String> say(String text) throws Exception {
        return post(teams.text(chat, merchant, text));
    }

    /** Presses a button on the guide's card; the HTTP answer. */
    HttpResponse<String> press(String action, String dataSets) throws Exception {
        ObjectNode value = JSON.createObjectNode().put("action", action).put("user", merchant.id());
        if (dataSets != null) {
            value.put("dataSets", dataSets);
        }
        return post(teams.press(chat, merchant, cardId, value));
    }

    /** Opens a dialog from the card ({@code task/fetch}) or presses in it ({@code task/submit}); the HTTP answer. */
    HttpResponse<String> invoke(String name, ObjectNode data) throws Exception {
        return post(teams.invoke(chat, merchant, name, cardId, data));
    }

    /** The data of the card's "Open the secure form" button. */
    ObjectNode openForm() {
        ObjectNode data = JSON.createObjectNode();
        data.putObject("msteams").put("type", "task/fetch");
        return data.put("action", "open_form:6").put("user", merchant.id());
    }

    /** The dialog's Send with these credentials. */
    ObjectNode send(String apiPath, String clientId, String accessToken) {
        return JSON.createObjectNode().put("dialog", "send").put("user", merchant.id())
                .put("apiPath", apiPath).put("clientId", clientId).put("accessToken", accessToken);
    }

    /** What an invoke's answer asks Teams to show: the dialog's message text, or its card as JSON. */
    static String dialogShows(HttpResponse<String> answer) throws IOException {
        JsonNode task = JSON.readTree(answer.body()).path("task");
        return task.path("type").asText().equals("message") ? task.path("value").asText() : task.path("value").toString();
    }

    HttpResponse<String> post(JsonNode activity) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
