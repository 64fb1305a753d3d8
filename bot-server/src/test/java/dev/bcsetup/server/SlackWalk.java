package dev.bcsetup.server;

import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.util.List;

/** One Slack merchant's way through the guide in a test: the command, then Next (data ticked) up to a step. */
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
}
