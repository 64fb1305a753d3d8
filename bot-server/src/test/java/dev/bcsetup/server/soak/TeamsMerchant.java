package dev.bcsetup.server.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.teams.TeamsActivities;
import dev.bcsetup.teams.TeamsActivities.Chat;
import dev.bcsetup.teams.TeamsActivities.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A merchant in Teams, in a personal chat with the bot: typed commands, presses on the bot's card, then the secure
 * form as a dialog ({@code task/fetch}, {@code task/submit}). Teams waits about 15 s for an answer; a later one counts
 * as failed, as Teams shows the person an error (the tally still counts every answer slower than 3 s).
 */
final class TeamsMerchant extends Merchant {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final TeamsActivities activities;
    private final TeamsWatch watch;
    private final HttpClient http;
    private final URI endpoint;

    TeamsMerchant(int number, Shared shared, TeamsActivities activities, TeamsWatch watch, HttpClient http, URI endpoint) {
        super(number, shared);
        this.activities = activities;
        this.watch = watch;
        this.http = http;
        this.endpoint = endpoint;
    }

    @Override
    Journey journey(int n) {
        return new Journey(Platform.TEAMS, TeamsActivities.TENANT, String.format("29:1soak-%03d-%04d", number, n),
                String.format("teams-%03d-%04d", number, n), String.format("t%03dj%04d", number, n), random);
    }

    @Override
    void walk(Journey journey) {
        Person who = new Person(journey.user, "Merchant " + journey.label);
        Chat chat = Chat.personal("a:1" + journey.label);
        TeamsInbox inbox = watch.register(journey, chat.id());
        Walk walk = new Walk(journey, who, chat, inbox);
        boolean chose = journey.startWithDirection;
        boolean helped = false;
        boolean wentBack = false;
        boolean restarted = false;
        walk.type(chose ? "start to" : "start");
        while (!journey.done() && shared.inTime()) {
            for (String message : inbox.takeMessages()) {
                Seen.trouble(message).ifPresent(trouble -> tally.failure(journey, trouble));
                if (Seen.tooManyChecks(message)) {
                    journey.abandon();
                    return;
                }
                if (Seen.alreadyValidated(message)) {
                    journey.toldDone(message);
                    return;
                }
                chose &= !message.contains("Choose which way");
            }
            TeamsInbox.Card card = inbox.card();
            String text = card == null ? "" : card.text();
            int step = Seen.step(text);
            // The card itself carries the bot's notice about the step (a setup begun without a direction, say); a notice
            // with a button (the credentials already passed, with Start over) comes as a card of its own.
            chose &= !text.contains("Choose which way");
            if (Seen.alreadyValidated(text)) {
                journey.toldDone(text);
                return;
            }
            if (journey.done()) {
                return;
            } else if (card == null) {
                walk.lookAgain();
            } else if (button(card.card(), "open_form:6").isPresent()) {
                walk.dialog(card);
            } else if (step == 1 && !chose) {
                chose = walk.press(card, "choose_direction:0:TO_BIGCOMMERCE", false);
            } else if (step == 1) {
                walk.press(card, "next:0", true);
            } else if (step >= 2 && step <= 6 && journey.helpAt == step && !helped) {
                helped = walk.type("help");
            } else if (step >= 2 && step <= 6 && journey.backAt == step && !wentBack) {
                wentBack = walk.press(card, "back:" + (step - 1), false);
            } else if (step >= 2 && step <= 6 && journey.restartAt == step && !restarted) {
                restarted = walk.type("restart");
                chose &= !restarted;
            } else if (step >= 2 && step <= 6) {
                walk.press(card, "next:" + (step - 1), false);
            } else {
                walk.lookAgain();
            }
        }
    }

    /** The Action.Submit buttons of a card whose data names {@code action}. */
    private static Optional<JsonNode> button(JsonNode card, String action) {
        List<JsonNode> found = new ArrayList<>();
        collect(card, found);
        return found.stream().filter(b -> action.equals(b.path("data").path("action").asText())).findFirst();
    }

    private static Optional<JsonNode> dialogButton(JsonNode card, String kind) {
        List<JsonNode> found = new ArrayList<>();
        collect(card, found);
        return found.stream().filter(b -> kind.equals(b.path("data").path("dialog").asText())).findFirst();
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && "Action.Submit".equals(node.path("type").asText())) {
            found.add(node);
        }
        node.forEach(child -> collect(child, found));
    }

    /** One journey's presses, in its chat, as its person. */
    private final class Walk {

        private final Journey journey;
        private final Person who;
        private final Chat chat;
        private final TeamsInbox inbox;

        Walk(Journey journey, Person who, Chat chat, TeamsInbox inbox) {
            this.journey = journey;
            this.who = who;
            this.chat = chat;
            this.inbox = inbox;
        }

        boolean type(String text) {
            long version = inbox.version();
            think();
            return post(activities.text(chat, who, text), false).isPresent() && reacted(version);
        }

        boolean press(TeamsInbox.Card card, String action, boolean tickDataSets) {
            Optional<JsonNode> button = button(card.card(), action);
            if (button.isEmpty()) {
                tally.failure(journey, "button not on the card");
                pause();
                return false;
            }
            ObjectNode value = button.get().path("data").deepCopy();
            if (tickDataSets) {
                value.put("dataSets", "PRODUCTS,ORDERS");
            }
            long version = inbox.version();
            think();
            return post(activities.press(chat, who, card.activityId(), value), false).isPresent() && reacted(version);
        }

        void lookAgain() {
            if (inbox.awaitChange(inbox.version(), patience())) {
                return;
            }
            tally.failure(journey, "nothing shown");
            pause();
            type("status");
        }

        /** The secure form in a dialog, from the card's button, until a receipt or back to the chat. */
        void dialog(TeamsInbox.Card card) {
            JsonNode open = button(card.card(), "open_form:6").orElseThrow();
            think();
            long version = inbox.version();
            Optional<JsonNode> answer = invoke("task/fetch", card.activityId(), (ObjectNode) open.path("data").deepCopy(), false);
            for (int round = 0; round < 10 && answer.isPresent() && !journey.done() && shared.inTime(); round++) {
                JsonNode task = answer.get().path("task");
                journey.note("dialog answer: " + task.path("type").asText() + " " + task.path("value").path("title").asText(
                        task.path("value").asText("")));
                if (!task.path("type").asText().equals("continue")) {
                    String message = task.path("value").asText("");
                    Seen.trouble(message).ifPresent(t -> tally.failure(journey, t));
                    if (Seen.tooManyChecks(message)) {
                        journey.abandon();
                    } else if (message.contains("result will appear in the chat")) {
                        awaitReport(version);
                    } else if (!message.isEmpty()) {
                        pause();
                    }
                    return;
                }
                JsonNode dialog = task.path("value").path("card").path("content");
                String text = dialog.toString();
                Optional<String> receipt = Seen.receipt(text);
                if (receipt.isPresent()) {
                    journey.receipt(receipt.get());
                    return;
                }
                if (text.contains("\"Input.Text\"")) {
                    ObjectNode send = JSON.createObjectNode().put("dialog", "send").put("user", who.id());
                    journey.nextForm().forEach(send::put);
                    think();
                    version = inbox.version();
                    answer = invoke("task/submit", card.activityId(), send, true);
                } else if (dialogButton(dialog, "retry").isPresent()) {
                    Seen.trouble(text).ifPresent(t -> tally.failure(journey, t));
                    if (Seen.bigCommerceTrouble(text)) {
                        pause(shared.plan().bigCommercePause());
                    } else {
                        think();
                    }
                    ObjectNode retry = dialogButton(dialog, "retry").get().path("data").deepCopy();
                    answer = invoke("task/submit", card.activityId(), retry, false);
                } else {
                    return;
                }
            }
        }

        /** The dialog closed before the live check ended: the report comes to the chat's card. */
        private void awaitReport(long since) {
            long deadline = System.currentTimeMillis() + checkPatience();
            long version = since;
            while (!journey.done() && System.currentTimeMillis() < deadline) {
                if (!inbox.awaitChange(version, Math.max(1, deadline - System.currentTimeMillis()))) {
                    break;
                }
                version = inbox.version();
            }
            if (!journey.done()) {
                tally.failure(journey, "no check result shown");
            }
        }

        private boolean reacted(long version) {
            if (inbox.awaitChange(version, patience())) {
                TeamsInbox.Card card = inbox.card();
                journey.note("sees step " + (card == null ? "-" : Seen.step(card.text())));
                return true;
            }
            tally.failure(journey, "nothing shown");
            pause();
            return false;
        }

        private Optional<JsonNode> invoke(String name, String cardId, ObjectNode data, boolean mayCheck) {
            return post(activities.invoke(chat, who, name, cardId, data), mayCheck).map(body -> {
                try {
                    return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
                } catch (IOException e) {
                    return JSON.missingNode();
                }
            });
        }

        /** Posts an activity; the answer's body when Teams would have taken it in time. */
        private Optional<String> post(JsonNode activity, boolean dialogWithCheck) {
            journey.note(activity.path("type").asText() + " " + activity.path("name").asText(activity.path("text").asText(""))
                    + " " + activity.path("value").path("action").asText(activity.path("value").path("data").path("dialog")
                    .asText(activity.path("value").path("data").path("action").asText(""))));
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                tally.unanswered(Platform.TEAMS);
                tally.failure(journey, "no answer");
                pause();
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            tally.answered(Platform.TEAMS, response.statusCode(), millis, dialogWithCheck);
            if (response.statusCode() >= 300) {
                tally.failure(journey, "refused: HTTP " + response.statusCode());
                pause();
                return Optional.empty();
            }
            if (millis > Tally.DIALOG_LIMIT_MS) {
                tally.failure(journey, "answered after Teams gave up");
                pause();
                return Optional.empty();
            }
            return Optional.of(response.body());
        }
    }
}
