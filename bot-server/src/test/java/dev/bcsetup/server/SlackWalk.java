package dev.bcsetup.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.util.List;

/**
 * One Slack merchant's way through the guide in a test, over signed requests: the command, then Next (data ticked) up
 * to a step, or to the last step and its modal.
 */
record SlackWalk(FakeSlackApi slack, SlackRequests requests, String team, String merchant) {

    /** The merchant's DM with the bot, as the fake Slack names it. */
    String dm() {
        return "D" + merchant.substring(1);
    }

    /** Types the command (migrating into BigCommerce) and presses Next up to step {@code number}; its step message. */
    Call toStep(int number) {
        int mark = slack.calls().size();
        requests.slashCommand(team, merchant, "C0GENERAL01", "to");
        Call step = stepMessage(mark, 1);
        for (int at = 2; at <= number; at++) {
            mark = slack.calls().size();
            click(step, "next:" + (at - 2), "PRODUCTS", "ORDERS");
            step = stepMessage(mark, at);
        }
        return step;
    }

    /** Waits for the DM's step message (posted or updated) to show step {@code number}, counting calls from {@code after}. */
    Call stepMessage(int after, int number) {
        return stepMessage(after, "Step " + number + " of 7");
    }

    /** Waits for the DM's step message (posted or updated) to show {@code text}. */
    Call stepMessage(int after, String text) {
        return slack.await(after, c -> c.ok() && (c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
                && dm().equals(c.param("channel")) && c.blocksText().contains(text), "the step message showing " + text);
    }

    /** Waits for an ephemeral notice to the merchant containing {@code text}. */
    Call notice(int after, String text) {
        return slack.await(after, c -> c.ok() && c.method().equals("chat.postEphemeral") && merchant.equals(c.param("user"))
                && c.param("text").contains(text), "a notice saying " + text);
    }

    /** Presses the button with {@code value} on {@code message}; Slack's acknowledgement. */
    java.net.http.HttpResponse<String> click(Call message, String value, String... ticked) {
        return requests.click(team, merchant, message, value, List.of(ticked));
    }

    /**
     * Types {@code /bigcommerce-setup to}, ticks {@code dataSets} on step 1 and clicks Next up to step 7; returns step 7's
     * message in the merchant's DM.
     */
    Call toLastStep(List<String> dataSets) {
        int mark = slack.calls().size();
        requests.slashCommand(team, merchant, "C0GENERAL01", "to");
        Call step = stepMessage(mark, 1);
        for (int number = 2; number <= 7; number++) {
            mark = slack.calls().size();
            requests.click(team, merchant, step, "next:" + (number - 2), number == 2 ? dataSets : List.of());
            step = stepMessage(mark, number);
        }
        return step;
    }

    /** Clicks "Open the secure form" on the last step; returns the modal as Slack then holds it (one merchant at a time). */
    JsonNode openForm(Call lastStep) {
        int mark = slack.calls().size();
        click(lastStep, "open_form:6");
        slack.await(mark, c -> c.method().equals("views.open") && c.ok(), "the modal for " + merchant);
        List<String> views = slack.viewIds();
        return slack.view(views.get(views.size() - 1));
    }
}
