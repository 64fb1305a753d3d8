package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.slack.SlackRequests;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without PUBLIC_BASE_URL Slack cannot fetch the step pictures: each is uploaded once with files.uploadV2 and
 * shown by slack_file ID, after a settling pause; a file Slack still refuses ({@code invalid_blocks}) is
 * described in text instead, and the step still arrives.
 */
class SlackPicturesTest {

    @TempDir
    static Path dataDir;

    static final String MERCHANT = "U0MERCHANT4";
    /** A little more than the adapter's settling pause after an upload. */
    static final long SETTLED_MILLIS = 3_300;

    private FakeSlackApi slack;
    private BotServer server;
    private SlackRequests requests;

    private void start(Duration slackSettles) throws Exception {
        slack = new FakeSlackApi(SlackJourneyTest.BOT_TOKEN, "C0GENERAL01");
        slack.filesSettleAfter(slackSettles);
        server = BotServer.start(TestConfig.slack(Files.createTempDirectory(dataDir, "run"), slack.url()), Clock.systemUTC());
        requests = new SlackRequests(SlackJourneyTest.SIGNING_SECRET, URI.create("http://127.0.0.1:" + server.port() + "/slack/events"));
        slack.await(0, c -> c.method().equals("files.completeUploadExternal") && c.ok()
                && slack.calls("files.completeUploadExternal").size() == slack.calls("files.getUploadURLExternal").size()
                && slack.calls("files.getUploadURLExternal").size() >= 8, "every picture uploaded");
        FakeSlackApi.pause(SETTLED_MILLIS);
    }

    @AfterEach
    void stop() {
        server.close();
        slack.close();
        assertThat(slack.problems()).as("payloads Slack would refuse").isEmpty();
    }

    @Test
    void uploadsEachPictureOnceAndShowsItBySlackFile() throws Exception {
        start(Duration.ZERO);
        int uploads = slack.calls("files.getUploadURLExternal").size();
        assertThat(slack.uploadedFiles()).hasSize(uploads);
        requests.slashCommand(FakeSlackApi.TEAM, MERCHANT, "C0GENERAL01", "to");
        Call first = slack.await(0, c -> c.ok() && c.method().equals("chat.postMessage") && c.blocksText().contains("Step 1 of 7"), "step 1");
        assertThat(first.blocksText()).contains("\"slack_file\"").doesNotContain("image_url").doesNotContain("Picture:");
        String fileId = first.json("blocks").findValues("slack_file").get(0).path("id").asText();
        assertThat(slack.uploadedFiles()).contains(fileId);

        int mark = slack.calls().size();
        requests.click(FakeSlackApi.TEAM, MERCHANT, first, "next:0", List.of("PRODUCTS"));
        Call second = slack.await(mark, c -> c.ok() && c.method().equals("chat.update") && c.blocksText().contains("Step 2 of 7"), "step 2");
        assertThat(second.blocksText()).contains("\"slack_file\"");
        assertThat(slack.calls("files.getUploadURLExternal")).as("no picture uploaded twice").hasSize(uploads);
    }

    @Test
    void aFileSlackStillRefusesIsDescribedInTextAndTheStepArrives() throws Exception {
        start(Duration.ofMinutes(1));
        requests.slashCommand(FakeSlackApi.TEAM, MERCHANT, "C0GENERAL01", "to");
        slack.await(0, c -> !c.ok() && c.method().equals("chat.postMessage"), "the refused step with the fresh file");
        Call first = slack.await(0, c -> c.ok() && c.method().equals("chat.postMessage") && c.blocksText().contains("Step 1 of 7"), "step 1");
        assertThat(first.blocksText()).contains("Picture:").doesNotContain("slack_file");
    }
}
