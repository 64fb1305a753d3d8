package dev.bcsetup.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.SlackConfig;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.request.usergroups.users.UsergroupsUsersListRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.methods.request.views.ViewsUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handful of Web API calls the bot makes, each checked for {@code ok}, with a 429 waited out as long
 * as Slack's {@code Retry-After} says (the SDK's synchronous client does not retry). A 5xx is tried again after
 * a short back-off for calls that do the same thing twice over (an update, a lookup), never for a new message,
 * which a 5xx may have posted after all. Requests are built and sent by the SDK; answers are read with one Gson
 * kept for the app's life, because the SDK's client builds a new Gson, and every type adapter of the answer's
 * type, for each answer it reads.
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
    private final String token;
    private final Gson json;

    /**
     * {@code client} carries {@code token} (file uploads use it as it is); {@code interactive} makes the calls answered
     * before the acknowledgement, and should give up sooner; {@code config} is the SDK's, read as it reads answers.
     */
    SlackWebApi(MethodsClient client, MethodsClient interactive, String token, SlackConfig config) {
        this.client = client;
        this.interactive = interactive;
        this.token = token;
        this.json = GsonFactory.createSnakeCase(config);
    }

    /** The bot's DM channel with a user ({@code D...}), opening it if needed. */
    String openDm(String user) {
        return call(client, Methods.CONVERSATIONS_OPEN, RequestFormBuilder.toForm(ConversationsOpenRequest.builder()
                .users(List.of(user)).build()), ConversationsOpenResponse.class).getChannel().getId();
    }

    /** Posts a message; returns its {@code ts}. */
    String post(String channel, String text, List<LayoutBlock> blocks) {
        return call(client, Methods.CHAT_POST_MESSAGE, RequestFormBuilder.toForm(ChatPostMessageRequest.builder()
                .channel(channel).text(text).blocks(blocks).build()), ChatPostMessageResponse.class).getTs();
    }

    void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        call(client, Methods.CHAT_UPDATE, RequestFormBuilder.toForm(ChatUpdateRequest.builder()
                .channel(channel).ts(ts).text(text).blocks(blocks).build()), ChatUpdateResponse.class);
    }

    void postEphemeral(String channel, String user, String text, List<LayoutBlock> blocks) {
        call(client, Methods.CHAT_POST_EPHEMERAL, RequestFormBuilder.toForm(ChatPostEphemeralRequest.builder()
                .channel(channel).user(user).text(text).blocks(blocks).build()), ChatPostEphemeralResponse.class);
    }

    /** Opens a modal with a click's {@code trigger_id} (valid 3 s, once); returns the view with its id and hash. */
    View openView(String triggerId, View view) {
        return call(interactive, Methods.VIEWS_OPEN, RequestFormBuilder.toForm(ViewsOpenRequest.builder()
                .triggerId(triggerId).view(view).build()), ViewsOpenResponse.class).getView();
    }

    /** Replaces an open modal by its id; {@code hash} (may be null) refuses to overwrite a newer version. */
    View updateView(String viewId, String hash, View view) {
        return call(interactive, Methods.VIEWS_UPDATE, RequestFormBuilder.toForm(ViewsUpdateRequest.builder()
                .viewId(viewId).hash(hash).view(view).build()), ViewsUpdateResponse.class).getView();
    }

    /** The user IDs in a user group ({@code S...}); needs the {@code usergroups:read} scope. */
    List<String> usergroupMembers(String group) {
        List<String> users = call(client, Methods.USERGROUPS_USERS_LIST, RequestFormBuilder.toForm(UsergroupsUsersListRequest.builder()
                .usergroup(group).build()), UsergroupsUsersListResponse.class).getUsers();
        return users == null ? List.of() : users;
    }

    /** Uploads a file shared nowhere (files.uploadV2, several calls the SDK makes); returns its ID for {@code slack_file} image blocks. */
    String uploadFile(String name, byte[] data, String altText) {
        FilesUploadV2Response response = call("files.uploadV2", () -> client.filesUploadV2(r -> r.filename(name).title(name)
                .fileData(data).altTxt(BlockKit.cut(altText, 1000))));
        return response.getFile() != null ? response.getFile().getId() : response.getFiles().get(0).getId();
    }

    void publishHome(String user, View view) {
        call(client, Methods.VIEWS_PUBLISH, RequestFormBuilder.toForm(ViewsPublishRequest.builder()
                .userId(user).view(view).build()), ViewsPublishResponse.class);
    }

    /** One form post by {@code via} with the bot token, its answer read as the SDK reads it, with the Gson built once. */
    private <T extends SlackApiTextResponse> T call(MethodsClient via, String method, FormBody.Builder form, Class<T> type) {
        return call(method, () -> {
            try (Response response = via.runPostFormWithToken(form, method, token)) {
                ResponseBody body = response.body();
                String text = body == null ? "" : body.string();
                if (!response.isSuccessful()) {
                    throw new SlackApiException(response, text);
                }
                T answer = json.fromJson(text, type);
                if (answer == null) {
                    throw new SlackCallFailed(method, "empty_answer");
                }
                return answer;
            } catch (JsonParseException e) {
                throw new SlackCallFailed(method, "unreadable_answer");
            }
        });
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
