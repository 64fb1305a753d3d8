package dev.bcsetup.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.util.http.listener.DetailedLoggingListener;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.handoff.EngineerActions;
import dev.bcsetup.handoff.HandOffNotifier;
import dev.bcsetup.handoff.HandOffs;
import dev.bcsetup.notify.EngineerNotifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the bot: a Bolt app built from explicit settings (never the environment), hosted
 * behind the server's own route through {@link SlackRequestParser} on the raw body, or over Socket Mode
 * when an app-level token is set.
 */
public final class SlackApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);
    private static final Duration KEEP_STEP_MESSAGES = Duration.ofDays(8);
    /** How far a request's timestamp may be from now, either way, as Slack recommends. */
    private static final long SIGNATURE_WINDOW_SECONDS = 5 * 60;

    private final SlackSettings settings;
    private final FlowLibrary flows;
    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Generator signatures;
    private final SlackWebApi api;
    private final Workspaces workspaces = new Workspaces();
    private final StepMessages messages = new StepMessages(KEEP_STEP_MESSAGES);
    private final SerialExecutor executor = new SerialExecutor(8);
    private final Cache<String, Boolean> seenEvents = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofHours(1)).build();
    /** Signatures already taken, each kept while its timestamp is inside the window: a replay of one is refused. */
    private final Cache<String, Long> takenSignatures = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfter(Expiry.<String, Long>creating((signature, expires) ->
                    Duration.ofSeconds(Math.max(1, expires - Instant.now().getEpochSecond())))).build();
    private final Optional<SlackNotifier> notifier;
    private final HandOffBlocks handOffBlocks;
    private final SlackPictures pictures;
    private final Optional<SlackHandOffNotifier> handOffNotifier;
    private final SlackTexts texts = SlackTexts.english();
    private SocketModeApp socketMode;

    private SlackApp(SlackSettings settings, FlowLibrary flows) {
        this.settings = settings;
        this.flows = flows;
        SlackConfig slackConfig = slackConfig(settings, SlackWebApi.CALL_TIMEOUT);
        Slack slack = Slack.getInstance(slackConfig);
        // Every field set by hand: AppConfig's defaults read SLACK_* variables, and a stray SLACK_CLIENT_ID
        // would turn this single-workspace app into an OAuth app that refuses every request.
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .clientId(null)
                .clientSecret(null)
                .scope(null)
                // handle() verifies every signature before parsing; Bolt's own check would log the raw body,
                // typed credentials included, at DEBUG.
                .requestVerificationEnabled(false)
                .build();
        this.app = new App(config);
        this.parser = new SlackRequestParser(config);
        this.signatures = new SlackSignature.Generator(settings.signingSecret());
        this.api = new SlackWebApi(slack.methods(settings.botToken()),
                Slack.getInstance(slackConfig(settings, SlackWebApi.INTERACTIVE_CALL_TIMEOUT)).methods(settings.botToken()),
                settings.botToken(), slackConfig);
        this.notifier = settings.engineersChannel().map(channel -> new SlackNotifier(api, channel, workspaces, texts));
        this.handOffBlocks = new HandOffBlocks(texts, flows.forLocale(null));
        this.pictures = new SlackPictures(api, Clock.systemUTC());
        this.handOffNotifier = settings.engineersChannel().map(channel -> new SlackHandOffNotifier(api, channel, handOffBlocks));
    }

    /**
     * The SDK's settings for Web API calls that give up after {@code callTimeout}: its own client has no overall
     * limit, so a hanging Slack would hold a merchant's lane (or a request thread) as long as it keeps the socket open.
     */
    private static SlackConfig slackConfig(SlackSettings settings, Duration callTimeout) {
        SlackConfig slackConfig = new SlackConfig();
        settings.methodsEndpoint().ifPresent(slackConfig::setMethodsEndpointUrlPrefix);
        slackConfig.setHttpClientCallTimeoutMillis((int) callTimeout.toMillis());
        // The SDK logs every request and response body at DEBUG; Reveal's views.update carries a secret.
        slackConfig.setHttpClientResponseHandlers(new ArrayList<>(slackConfig.getHttpClientResponseHandlers().stream()
                .filter(listener -> !(listener instanceof DetailedLoggingListener)).toList()));
        return slackConfig;
    }

    /** Builds the app; it answers nothing until {@link #start} gives it the conversations. */
    public static SlackApp create(SlackSettings settings, FlowLibrary flows) {
        return new SlackApp(settings, flows);
    }

    /** The engineers' channel notifier, when {@code HANDOFF_SLACK_CHANNEL} is set. */
    public Optional<EngineerNotifier> notifier() {
        return notifier.map(n -> n);
    }

    /** The hand-off notifier for the engineers' channel, when {@code HANDOFF_SLACK_CHANNEL} is set. */
    public Optional<HandOffNotifier> handOffNotifier() {
        return handOffNotifier.map(n -> n);
    }

    /** Registers the handlers and, in Socket Mode, connects to Slack; Reveal and Mark received answer that they are not connected. */
    public void start(Conversations conversations) {
        start(conversations, Optional.empty());
    }

    /** Registers the handlers, Reveal and Mark received going to the core's hand-off service, and in Socket Mode connects. */
    public void start(Conversations conversations, HandOffs handOffs) {
        start(conversations, Optional.of(handOffs));
    }

    void start(Conversations conversations, Optional<EngineerActions> engineerActions) {
        EngineerButtons engineerButtons = new EngineerButtons(engineerActions,
                new EngineerGroups(api, settings.engineerGroups()), api, handOffBlocks, texts, executor);
        BlockKit kit = settings.publicBaseUrl().isPresent() ? new BlockKit(settings.publicBaseUrl(), texts)
                : new BlockKit(Optional.empty(), texts, pictures::fileFor);
        if (settings.publicBaseUrl().isEmpty()) {
            pictures.uploadAll(flows.forLocale(null));
        }
        SlackConversation slack = new SlackConversation(conversations, flows, api, kit, workspaces, messages, executor, texts,
                pictures);
        app.command("/" + SlackTexts.COMMAND.substring(1), (req, ctx) -> {
            Optional<String> answer = slack.command(req.getPayload());
            // Ephemeral: only the merchant sees the pointer or the usage, never the channel.
            return answer.isPresent() ? ctx.ack(r -> r.responseType("ephemeral").text(answer.get())) : ctx.ack();
        });
        // Every action lands here, so an unknown or tampered button is acknowledged and ignored, never a 404.
        app.blockAction(Pattern.compile(".*"), (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            Optional<BlockActionPayload.Action> engineers = payload.getActions() == null ? Optional.empty()
                    : payload.getActions().stream().filter(a -> EngineerButtons.handles(a.getActionId())).findFirst();
            if (engineers.isPresent()) {
                engineerButtons.clicked(payload, engineers.get());
            } else {
                slack.action(payload);
            }
            return ctx.ack();
        });
        // The credential form: the answer (errors, or the "checking" view) rides on the acknowledgement itself.
        app.viewSubmission(CredentialModals.CALLBACK_ID, (req, ctx) -> {
            ViewSubmissionResponse response = slack.submit(req.getPayload());
            return response == null ? ctx.ack() : ctx.ack(response);
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            if (firstDelivery(payload.getEventId()) && "home".equals(payload.getEvent().getTab())) {
                slack.homeOpened(payload.getTeamId(), payload.getEvent().getUser());
            }
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            workspaces.markGone(payload.getTeamId(), "the app was uninstalled");
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            List<String> bots = payload.getEvent().getTokens() == null ? null : payload.getEvent().getTokens().getBot();
            if (bots != null && !bots.isEmpty()) {
                workspaces.markGone(payload.getTeamId(), "the bot token was revoked");
            }
            return ctx.ack();
        });
        if (settings.socketMode()) {
            try {
                socketMode = new SocketModeApp(settings.appToken().orElseThrow(), app);
                socketMode.startAsync();
                LOG.info("Slack: connected in Socket Mode");
            } catch (Exception e) {
                throw new IllegalStateException("Slack Socket Mode could not connect: " + e.getClass().getSimpleName(), e);
            }
        } else {
            app.start();
            LOG.info("Slack: answering slash commands, buttons and events at POST /slack/events");
        }
    }

    /**
     * One HTTP request from Slack, its body exactly as received. A bad or stale signature is 401 before
     * anything is read; a signed body that is not a Slack payload is 400.
     */
    public SlackHttpResponse handle(String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                                    String rawBody, String remoteAddress) {
        RequestHeaders requestHeaders = new RequestHeaders(headers);
        String timestamp = single(requestHeaders, SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = single(requestHeaders, SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null || !signedBySlack(timestamp, rawBody, signature)) {
            LOG.info("Slack: refused a request with a missing, repeated, wrong or stale signature from {}", remoteAddress);
            return SlackHttpResponse.of(401, "invalid request");
        }
        if (takenSignatures.asMap().putIfAbsent(signature, Long.parseLong(timestamp) + SIGNATURE_WINDOW_SECONDS) != null) {
            // The same signature twice is the same request again: a replay, or at best an event retry sent within the
            // second. Acknowledged, so Slack has no reason to retry, and not acted on.
            LOG.info("Slack: ignored a replayed request (its signature was already taken) from {}", remoteAddress);
            return new SlackHttpResponse(200, null, "", Map.of());
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(path).queryString(query).headers(requestHeaders)
                    .requestBody(rawBody).remoteAddress(remoteAddress).build());
        } catch (RuntimeException e) {
            LOG.info("Slack: unreadable request body ({})", e.getClass().getSimpleName());
            return SlackHttpResponse.of(400, "unreadable request");
        }
        if (request == null) {
            return SlackHttpResponse.of(400, "unreadable request");
        }
        String retry = requestHeaders.getFirstValue("X-Slack-Retry-Num");
        if (retry != null) {
            LOG.debug("Slack: delivery retry {} ({})", retry, requestHeaders.getFirstValue("X-Slack-Retry-Reason"));
        }
        try {
            Response response = app.run(request);
            if (response.getStatusCode() >= 500) {
                // Our listeners acknowledge at once and work afterwards, so Bolt fails synchronously only on a payload
                // it cannot read (a duplicate JSON key, a wrong type): a retry by Slack would fail the same way.
                LOG.info("Slack: Bolt could not process a signed request ({}): refused as unreadable", response.getStatusCode());
                return SlackHttpResponse.of(400, "unreadable request");
            }
            return new SlackHttpResponse(response.getStatusCode(), response.getContentType(), response.getBody(),
                    response.getHeaders());
        } catch (com.google.gson.JsonParseException e) {
            // A signed body whose JSON Bolt cannot map (a duplicate key, a wrong type): Slack never sends one.
            LOG.info("Slack: unreadable request body ({})", e.getClass().getSimpleName());
            return SlackHttpResponse.of(400, "unreadable request");
        } catch (Exception e) {
            LOG.warn("Slack: request failed ({})", e.getClass().getSimpleName());
            return SlackHttpResponse.of(500, "internal error");
        }
    }

    /**
     * Slack's signature over the raw body, made within 5 minutes of now. Not {@code SlackSignature.Verifier}: it logs
     * the whole body at DEBUG, and a view submission's body holds the access token the merchant typed. Nor the SDK's
     * timestamp check: it takes any timestamp from the future.
     */
    private boolean signedBySlack(String timestamp, String rawBody, String signature) {
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        long now = Instant.now().getEpochSecond();
        if (signedAt < now - SIGNATURE_WINDOW_SECONDS || signedAt > now + SIGNATURE_WINDOW_SECONDS) {
            return false;
        }
        String expected = signatures.generate(timestamp, rawBody);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    /** The header's one value; null when it is missing or sent more than once (which of two would be the real one?). */
    private static String single(RequestHeaders headers, String name) {
        List<String> values = headers.getMultipleValues(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    /** Slack retries an event it thinks we missed; the retry carries the same event ID. */
    private boolean firstDelivery(String eventId) {
        return eventId == null || seenEvents.asMap().putIfAbsent(eventId, Boolean.TRUE) == null;
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.debug("Slack: Socket Mode close failed ({})", e.getClass().getSimpleName());
            }
        }
        executor.close();
        pictures.close();
        app.stop();
    }
}
