package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Teams users talking to the server over HTTP, as several tests need: activities posted (with a channel token when the
 * bot has an app ID), dialog invokes answered, a merchant walked to the last step, field errors read off a form card.
 */
final class TeamsWalk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI messages;
    private final TeamsActivities teams;
    private final FakeBotConnector connector;
    private final Supplier<String> authorization;
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code authorization} gives each request's Authorization header, or null for emulator mode. */
    TeamsWalk(int port, TeamsActivities teams, FakeBotConnector connector, Supplier<String> authorization) {
        this.messages = URI.create("http://127.0.0.1:" + port + "/api/messages");
        this.teams = teams;
        this.connector = connector;
        this.authorization = authorization;
    }

    TeamsActivities activities() {
        return teams;
    }

    HttpResponse<String> post(JsonNode activity) {
        HttpRequest.Builder request = HttpRequest.newBuilder(messages).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
        String token = authorization.get();
        if (token != null) {
            request.header("Authorization", token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts an activity the bot answers through the connector (202). */
    void send(JsonNode activity) {
        assertThat(post(activity).statusCode()).as("the answer to %s", activity.path("type").asText()).isEqualTo(202);
    }

    /** A dialog invoke ({@code task/fetch} or {@code task/submit}); returns the invoke's answer. */
    JsonNode invoke(Chat chat, Person who, String name, String cardId, ObjectNode data) {
        HttpResponse<String> response = post(teams.invoke(chat, who, name, cardId, data));
        assertThat(response.statusCode()).as("the answer to %s", name).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the invoke answer is not JSON: " + response.body(), e);
        }
    }

    /** The merchant installs the app, picks "into BigCommerce" and clicks Next to step 7; returns the setup card's id. */
    String toLastStep(Chat chat, Person merchant) {
        int before = connector.calls().size();
        send(teams.installed(chat, merchant));
        String cardId = connector.calls().subList(before, connector.calls().size()).stream()
                .filter(call -> call.conversationId().equals(chat.id())).findFirst().orElseThrow().id();
        send(teams.press(chat, merchant, cardId, data("choose_direction:0:TO_BIGCOMMERCE", merchant)));
        send(teams.press(chat, merchant, cardId, data("next:0", merchant).put("dataSets", "PRODUCTS")));
        for (int index = 1; index < 6; index++) {
            send(teams.press(chat, merchant, cardId, data("next:" + index, merchant)));
        }
        FakeBotConnector.Call last = connector.calls().get(connector.calls().size() - 1);
        assertThat(last.card().toString()).as("the setup card after the last Next").contains("Step 7 of 7");
        return cardId;
    }

    /** A card button's data: the action and whose setup it is. */
    static ObjectNode data(String action, Person user) {
        return JSON.createObjectNode().put("action", action).put("user", user.id());
    }

    /** The dialog's "Check my credentials" with these inputs (by input id). */
    static ObjectNode submit(Person merchant, Map<String, String> inputs) {
        ObjectNode data = JSON.createObjectNode().put("dialog", "send").put("user", merchant.id());
        inputs.forEach(data::put);
        return data;
    }

    /** The card of a {@code continue} answer, or a missing node for a plain message. */
    static JsonNode dialogCard(JsonNode answer) {
        return answer.path("task").path("value").path("card").path("content");
    }

    /** The problem shown under each input of a form card, by input id. */
    static Map<String, String> fieldErrors(JsonNode card) {
        Map<String, String> errors = new LinkedHashMap<>();
        String input = null;
        for (JsonNode element : card.path("body")) {
            if (element.path("type").asText().equals("Input.Text")) {
                input = element.path("id").asText();
            } else if (input != null && element.path("type").asText().equals("TextBlock")
                    && element.path("color").asText().equals("Attention")) {
                errors.put(input, element.path("text").asText());
            }
        }
        return errors;
    }
}
