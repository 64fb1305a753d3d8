package dev.bcsetup.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handful of Web API calls the bot makes, each checked for {@code ok}, with a 429 waited out as long
 * as Slack's {@code Retry-After} says (the SDK's synchronous client does not retry). A 5xx is tried again after
 * a short back-off for calls that do the same thing twice over (an update, a lookup), never for a new message,
 * which a 5xx may have posted after all.
 */
final class SlackWebApi {

    /** The longest any call may take, so a hanging Slack holds a merchant's lane for seconds, not for ever. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** For the calls made before Slack is acknowledged (opening a modal): Slack gives up on us after 3 s. */
    static final Duration INTERACTIVE_CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);
    private static final int ATTEMPTS = 3;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Set<String> REPEATABLE = Set.of("chat.update", "views.update", "views.publish",
            "conversations.open", "usergroups.users.list");

    private final MethodsClient client;
    private final MethodsClient interactive;

    /** {@code interactive} makes the calls answered before the acknowledgement; it should give up sooner. */
    SlackWebApi(MethodsClient client, MethodsClient interactive) {
        this.client = client;
        this.interactive = interactive;
    }

    /** The bot's DM channel with a user ({@code D...}), opening it if needed. */
    String openDm(String user) {
        return call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user))))
                .getChannel().getId();
    }

    /** Posts a message; returns its {@code ts}. */
    String post(String channel, String text, List<LayoutBlock> blocks) {
        return call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)))
                .getTs();
    }

    void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    void postEphemeral(String channel, String user, String text, List<LayoutBlock> blocks) {
        call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(user).text(text).blocks(blocks)));
    }

    /** Opens a modal with a click's {@code trigger_id} (valid 3 s, once); returns the view with its id and hash. */
    View openView(String triggerId, View view) {
        return call("views.open", () -> interactive.viewsOpen(r -> r.triggerId(triggerId).view(view))).getView();
    }

    /** Replaces an open modal by its id; {@code hash} (may be null) refuses to overwrite a newer version. */
    View updateView(String viewId, String hash, View view) {
        return call("views.update", () -> interactive.viewsUpdate(r -> r.viewId(viewId).hash(hash).view(view))).getView();
    }

    /** The user IDs in a user group ({@code S...}); needs the {@code usergroups:read} scope. */
    List<String> usergroupMembers(String group) {
        List<String> users = call("usergroups.users.list", () -> client.usergroupsUsersList(r -> r.usergroup(group))).getUsers();
        return users == null ? List.of() : users;
    }

    /** Uploads a file shared nowhere (files.uploadV2); returns its ID for {@code slack_file} image blocks. */
    String uploadFile(String name, byte[] data, String altText) {
        FilesUploadV2Response response = call("files.uploadV2", () -> client.filesUploadV2(r -> r.filename(name).title(name)
                .fileData(data).altTxt(BlockKit.cut(altText, 1000))));
        return response.getFile() != null ? response.getFile().getId() : response.getFiles().get(0).getId();
    }

    void publishHome(String user, View view) {
        call("views.publish", () -> client.viewsPublish(r -> r.userId(user).view(view)));
    }

    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    throw new SlackCallFailed(method, response.getError() == null ? "unknown_error" : response.getError());
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                boolean unavailable = status >= 500;
                if (attempt == ATTEMPTS || !(status == 429 || unavailable && REPEATABLE.contains(method))) {
                    throw new SlackCallFailed(method, status == 429 ? "ratelimited" : "http_" + status, status == 429 || unavailable);
                }
                Duration wait = unavailable ? FIRST_BACKOFF.multipliedBy(1L << (attempt - 1))
                        : retryAfter(e.getResponse().header("Retry-After"));
                LOG.info("Slack answered {} to {}: trying again in {} ms (attempt {} of {})",
                        status, method, wait.toMillis(), attempt + 1, ATTEMPTS);
                sleep(wait);
            } catch (IOException e) {
                // Unreachable or past CALL_TIMEOUT: not repeated, as a hanging Slack would hold the lane once per attempt.
                throw new SlackCallFailed(method, e.getClass().getSimpleName(), true);
            }
        }
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "1" : header.strip());
            return seconds < 1 ? Duration.ofSeconds(1) : seconds > LONGEST_WAIT.toSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("retry", "interrupted");
        }
    }
}
