package dev.bcsetup.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages} without any web framework: parses the activity, lets the SDK authenticate it
 * and run the bot, and says which HTTP answer to give. Nothing happens for a request that fails to parse
 * or to authenticate.
 */
public final class TeamsEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final long TURN_TIMEOUT_SECONDS = 60;

    /** The HTTP answer: status and, for invokes, a JSON body. */
    public record Response(int status, String jsonBody) {
    }

    private final BotFrameworkHttpAdapter adapter;
    private final TeamsBot bot;
    private final ObjectMapper json;
    private final boolean emulator;

    TeamsEndpoint(BotFrameworkHttpAdapter adapter, TeamsBot bot, ObjectMapper json, boolean emulator) {
        this.adapter = adapter;
        this.bot = bot;
        this.json = json;
        this.emulator = emulator;
    }

    public Response handle(String authorization, String body) {
        Activity activity;
        try {
            JsonNode tree = json.readTree(body == null ? "" : body);
            if (tree == null || !tree.isObject() || !tree.path("type").isTextual() || !addressed(tree)) {
                return new Response(400, null);
            }
            if (tree.has("locale") && !wellFormedLocale(tree.path("locale"))) {
                // The SDK throws deep inside the turn on a malformed tag; without one the bot speaks English.
                ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("locale");
            }
            if (tree.path("entities").isArray()) {
                // The SDK reads every entity's type without a null check (mentions): an entity without one is noise.
                ((com.fasterxml.jackson.databind.node.ArrayNode) tree.path("entities"))
                        .removeIf(entity -> !entity.path("type").isTextual());
            }
            activity = json.treeToValue(tree, Activity.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.info("Refused a Teams activity that is not valid JSON: {}", e.getClass().getSimpleName());
            return new Response(400, null);
        }
        if (emulator && !loopback(activity.getServiceUrl())) {
            // Without an app ID nothing is authenticated: never reply to a service URL off this machine.
            LOG.warn("Refused an unauthenticated Teams activity for a non-local service URL (emulator mode)");
            return new Response(401, null);
        }
        try {
            InvokeResponse invoke = adapter.processIncomingActivity(authorization, activity, bot)
                    .get(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (invoke == null) {
                return new Response(202, null);
            }
            return new Response(invoke.getStatus(), invoke.getBody() == null ? null : json.writeValueAsString(invoke.getBody()));
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = rootOf(e);
            if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
                LOG.info("Refused a Teams activity that failed authentication: {}", cause.getMessage());
                return new Response(401, null);
            }
            if (cause instanceof ErrorResponseException refused) {
                // The Bot Connector refused our answer (an unknown conversation, a throttle that outlasted the retries):
                // its fault or the activity's, not a failure of ours, and its details say nothing secret.
                LOG.warn("The Bot Connector refused an answer to a Teams activity: HTTP {}",
                        refused.response() == null ? "?" : refused.response().code());
                return new Response(502, null);
            }
            if (cause instanceof IOException unreachable) {
                // The Bot Connector did not answer (down, or hanging past our timeout): nothing could be sent back.
                LOG.warn("The Bot Connector did not take an answer to a Teams activity: {}", unreachable.getClass().getSimpleName());
                return new Response(502, null);
            }
            LOG.error("A Teams activity failed", cause);
            return new Response(500, null);
        } catch (AuthenticationException | JWTVerificationException e) {
            LOG.info("Refused a Teams activity that failed authentication: {}", e.getMessage());
            return new Response(401, null);
        } catch (TimeoutException e) {
            LOG.error("A Teams activity took longer than {} s", TURN_TIMEOUT_SECONDS);
            return new Response(503, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(503, null);
        } catch (JsonProcessingException e) {
            return new Response(500, null);
        }
    }

    /**
     * Whether the activity says where it came from and where answers go; the Bot Connector always sends both, and the
     * SDK fails deep inside a turn (a 500) when they are missing.
     */
    private static boolean addressed(JsonNode tree) {
        return headerSafe(tree.path("serviceUrl")) && httpUrl(tree.path("serviceUrl").asText()) && headerSafe(tree.path("conversation").path("id"))
                && nonBlank(tree.path("from").path("id"));
    }

    private static boolean wellFormedLocale(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        try {
            new Locale.Builder().setLanguageTag(node.asText());
            return true;
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Non-blank printable ASCII: the conversation id travels in an HTTP header of every answer. */
    private static boolean headerSafe(JsonNode node) {
        return nonBlank(node) && node.asText().chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static boolean nonBlank(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank();
    }

    private static Throwable rootOf(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // The SDK sometimes wraps the authentication failure once more.
        if (!(cause instanceof AuthenticationException) && (cause.getCause() instanceof AuthenticationException
                || cause.getCause() instanceof JWTVerificationException)) {
            return cause.getCause();
        }
        return cause;
    }

    private static boolean loopback(String serviceUrl) {
        if (serviceUrl == null) {
            return false;
        }
        try {
            URI uri = URI.create(serviceUrl);
            return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
