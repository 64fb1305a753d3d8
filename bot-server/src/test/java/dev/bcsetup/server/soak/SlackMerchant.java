package dev.bcsetup.server.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.SlackRequests;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A merchant in Slack: the slash command, then the buttons of the step message in their DM, then the secure form in
 * a modal ({@code view_submission}, acknowledged as Slack applies it). An acknowledgement later than 3 s counts as
 * failed, as Slack shows the person an error and drops what it said.
 */
final class SlackMerchant extends Merchant {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = FakeSlackApi.TEAM;
    private static final List<String> DATA_SETS = List.of("PRODUCTS", "ORDERS");

    private final SlackRequests requests;
    private final FakeSlackApi slack;
    private final SlackWatch watch;
    private final String general;

    SlackMerchant(int number, Shared shared, SlackRequests requests, FakeSlackApi slack, SlackWatch watch, String general) {
        super(number, shared);
        this.requests = requests;
        this.slack = slack;
        this.watch = watch;
        this.general = general;
    }

    @Override
    Journey journey(int n) {
        return new Journey(Platform.SLACK, TEAM, String.format("U0S%03dJ%04d", number, n), String.format("slack-%03d-%04d", number, n),
                String.format("s%03dj%04d", number, n), random);
    }

    @Override
    void walk(Journey journey) {
        SlackInbox inbox = watch.register(journey);
        boolean chose = journey.startWithDirection;
        boolean helped = false;
        boolean wentBack = false;
        boolean restarted = false;
        command(journey, inbox, chose ? "to" : "");
        while (!journey.done() && shared.inTime()) {
            for (String notice : inbox.takeNotices()) {
                Seen.trouble(notice).ifPresent(trouble -> tally.failure(journey, trouble));
                if (Seen.tooManyChecks(notice)) {
                    journey.abandon();
                    return;
                }
                if (Seen.alreadyValidated(notice)) {
                    journey.toldDone(notice);
                    return;
                }
                chose &= !notice.contains("Choose which way");
            }
            SlackInbox.Message shown = inbox.message();
            String text = shown == null ? "" : shown.text();
            int step = Seen.step(text);
            if (journey.done()) {
                return;
            } else if (shown == null) {
                lookAgain(journey, inbox);
            } else if (text.contains(":hourglass")) {
                awaitCheck(journey, inbox);
            } else if (text.contains("\"open_form:6\"")) {
                form(journey, inbox, shown);
            } else if (step == 1 && !chose) {
                chose = click(journey, inbox, shown, "choose_direction:0:TO_BIGCOMMERCE", List.of(), SlackInbox::shownAgain);
            } else if (step == 1) {
                click(journey, inbox, shown, "next:0", DATA_SETS, SlackInbox::movedOn);
            } else if (step >= 2 && step <= 6 && journey.helpAt == step && !helped) {
                helped = click(journey, inbox, shown, "help:" + (step - 1), List.of(), SlackInbox::noticed);
            } else if (step >= 2 && step <= 6 && journey.backAt == step && !wentBack) {
                wentBack = click(journey, inbox, shown, "back:" + (step - 1), List.of(), SlackInbox::movedOn);
            } else if (step >= 2 && step <= 6 && journey.restartAt == step && !restarted) {
                restarted = command(journey, inbox, "restart");
                chose &= !restarted;
            } else if (step >= 2 && step <= 6) {
                click(journey, inbox, shown, "next:" + (step - 1), List.of(), SlackInbox::movedOn);
            } else {
                lookAgain(journey, inbox);
            }
        }
    }

    /** Nothing to act on (no step message yet, or one the merchant cannot read): wait, then ask where things stand. */
    private void lookAgain(Journey journey, SlackInbox inbox) {
        if (inbox.awaitChange(inbox.version(), patience())) {
            return;
        }
        tally.failure(journey, "nothing shown");
        pause();
        command(journey, inbox, "status");
    }

    /** The DM says the credentials are being checked: wait for the result, and ask if it is long in coming. */
    private void awaitCheck(Journey journey, SlackInbox inbox) {
        if (inbox.awaitChange(inbox.version(), checkPatience())) {
            return;
        }
        tally.failure(journey, "no check result shown");
        command(journey, inbox, "status");
    }

    /** Opens the secure form from the DM (the last step, or a report's Try again) and goes through the modal. */
    private void form(Journey journey, SlackInbox inbox, SlackInbox.Message shown) {
        String before = inbox.viewId();
        if (!click(journey, inbox, shown, "open_form:6", List.of(), SlackInbox::modalOpened)) {
            return;
        }
        String opened = inbox.viewId();
        if (opened != null && !opened.equals(before)) {
            modal(journey, inbox, opened);
        }
    }

    /** The modal, as the fake Slack holds it, until a receipt or something that sends the merchant back to the DM. */
    private void modal(Journey journey, SlackInbox inbox, String viewId) {
        for (int round = 0; round < 10 && !journey.done() && shared.inTime(); round++) {
            JsonNode view = slack.view(viewId);
            String text = view.toString();
            if (text.contains("\"type\":\"input\"")) {
                if (!submit(journey, viewId, view)) {
                    return;
                }
            } else if (text.contains(":hourglass")) {
                if (!awaitViewChange(inbox, viewId)) {
                    tally.failure(journey, "no check result shown");
                    return;
                }
            } else if (Seen.receipt(text).isPresent()) {
                journey.receipt(Seen.receipt(text).get());
            } else if (text.contains("\"open_form:6\"")) {
                Optional<String> trouble = Seen.trouble(text);
                trouble.ifPresent(t -> tally.failure(journey, t));
                if (Seen.bigCommerceTrouble(text)) {
                    pause(shared.plan().bigCommercePause());
                } else {
                    think();
                }
                long version = inbox.version();
                if (send(journey, "Try again in the modal", () -> requests.clickInView(TEAM, journey.user, view, "open_form:6")).isEmpty()
                        || !reacted(journey, inbox, in -> in.version() != version)) {
                    return;
                }
            } else {
                Seen.trouble(text).ifPresent(t -> tally.failure(journey, t));
                if (Seen.tooManyChecks(text)) {
                    journey.abandon();
                } else {
                    pause();
                }
                return;
            }
        }
    }

    /** Sends the form; false when the merchant is sent back to the DM. */
    private boolean submit(Journey journey, String viewId, JsonNode view) {
        Map<String, String> typed = journey.nextForm();
        Map<String, String> fields = Map.of("api_path", typed.get("apiPath"), "client_id", typed.get("clientId"),
                "access_token", typed.get("accessToken"));
        think();
        Optional<String> answer = send(journey, "submit the form", () -> requests.submitView(TEAM, journey.user, view, fields));
        if (answer.isEmpty()) {
            // Slack keeps the form open with an error; the merchant sends it again.
            return true;
        }
        JsonNode ack = read(answer.get());
        String action = ack.path("response_action").asText("");
        journey.note("acknowledged: " + (action.isEmpty() ? "closed" : action));
        if (action.equals("update")) {
            slack.acknowledgedWithUpdate(viewId, ack.path("view"));
            return true;
        }
        return action.equals("errors");
    }

    /** Waits for the bot to replace the "checking" view. */
    private boolean awaitViewChange(SlackInbox inbox, String viewId) {
        long deadline = System.currentTimeMillis() + checkPatience();
        while (System.currentTimeMillis() < deadline) {
            long version = inbox.version();
            if (!slack.view(viewId).toString().contains(":hourglass")) {
                return true;
            }
            inbox.awaitChange(version, Math.max(1, deadline - System.currentTimeMillis()));
        }
        return !slack.view(viewId).toString().contains(":hourglass");
    }

    private boolean command(Journey journey, SlackInbox inbox, String words) {
        SlackInbox.Mark mark = inbox.mark();
        think();
        return send(journey, "command '" + words + "'", () -> requests.slashCommand(TEAM, journey.user, general, words)).isPresent()
                && reacted(journey, inbox, in -> in.shownAgain(mark));
    }

    /**
     * Presses a button of the step message; true when the bot answered as {@code answered} expects (a new step, the
     * same step again, a notice, a modal). Any change will not do: an answer to an older press may arrive meanwhile.
     */
    private boolean click(Journey journey, SlackInbox inbox, SlackInbox.Message on, String value, List<String> ticked,
                          BiPredicate<SlackInbox, SlackInbox.Mark> answered) {
        if (!on.text().contains("\"value\":\"" + value + "\"")) {
            tally.failure(journey, "button not on the message");
            pause();
            return false;
        }
        SlackInbox.Mark mark = inbox.mark();
        think();
        return send(journey, "press " + value, () -> requests.click(TEAM, journey.user, on.call(), value, ticked)).isPresent()
                && reacted(journey, inbox, in -> answered.test(in, mark));
    }

    private boolean reacted(Journey journey, SlackInbox inbox, Predicate<SlackInbox> answered) {
        if (inbox.await(patience(), answered)) {
            SlackInbox.Message shown = inbox.message();
            journey.note("sees step " + (shown == null ? "-" : Seen.step(shown.text())) + ", modal " + inbox.viewId());
            return true;
        }
        tally.failure(journey, "nothing shown");
        pause();
        return false;
    }

    /** Sends one request; the acknowledgement's body when Slack would have taken it (a 200 within 3 s). */
    private Optional<String> send(Journey journey, String what, Supplier<HttpResponse<String>> request) {
        journey.note(what);
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = request.get();
        } catch (IllegalStateException e) {
            tally.unanswered(Platform.SLACK);
            tally.failure(journey, "no acknowledgement");
            pause();
            return Optional.empty();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        tally.answered(Platform.SLACK, response.statusCode(), millis, false);
        if (response.statusCode() != 200) {
            tally.failure(journey, "refused: HTTP " + response.statusCode());
            pause();
            return Optional.empty();
        }
        if (millis > Tally.ACK_LIMIT_MS) {
            tally.failure(journey, "acknowledged after Slack gave up (3 s)");
            pause();
            return Optional.empty();
        }
        return Optional.of(response.body());
    }

    private static JsonNode read(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
