package dev.bcsetup.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.util.List;

/** A Slack merchant walking the guide over signed requests, as several tests need: to the last step, then the modal. */
final class SlackWalk {

    private SlackWalk() {
    }

    /**
     * Types {@code /bigcommerce-setup to} in a channel, ticks {@code dataSets} on step 1 and clicks Next up to step 7;
     * returns step 7's message in the merchant's DM.
     */
    static Call toLastStep(FakeSlackApi slack, SlackRequests requests, String team, String user, List<String> dataSets) {
        int mark = slack.calls().size();
        requests.slashCommand(team, user, "C0GENERAL01", "to");
        Call step = slack.await(mark, c -> c.ok() && c.method().equals("chat.postMessage") && c.blocksText().contains("Step 1 of 7")
                && c.param("channel").equals("D" + user.substring(1)), "step 1 for " + user);
        mark = slack.calls().size();
        requests.click(team, user, step, "next:0", dataSets);
        for (int number = 2; number <= 7; number++) {
            int n = number;
            step = slack.await(mark, c -> c.ok() && c.method().equals("chat.update") && c.blocksText().contains("Step " + n + " of 7")
                    && c.param("channel").equals("D" + user.substring(1)), "step " + n + " for " + user);
            mark = slack.calls().size();
            if (number < 7) {
                requests.click(team, user, step, "next:" + (number - 1), List.of());
            }
        }
        return step;
    }

    /** Clicks "Open the secure form" on the last step; returns the modal as Slack then holds it (one merchant at a time). */
    static JsonNode openForm(FakeSlackApi slack, SlackRequests requests, String team, String user, Call lastStep) {
        int mark = slack.calls().size();
        requests.click(team, user, lastStep, "open_form:6", List.of());
        slack.await(mark, c -> c.method().equals("views.open") && c.ok(), "the modal for " + user);
        List<String> views = slack.viewIds();
        return slack.view(views.get(views.size() - 1));
    }
}
