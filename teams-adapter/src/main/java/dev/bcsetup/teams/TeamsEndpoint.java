package dev.bcsetup.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
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
            if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
                return new Response(400, null);
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
            LOG.error("A Teams activity failed", cause);
            return new Response(500, null);
        } catch (AuthenticationException | JWTVerificationException e) {
            LOG.info("Refused a Teams activity that failed authentication: {}", e.getMessage());
            return new Response(401, null);
        } catch (TimeoutException e) {
            LOG.error("A Teams activity took longer than {} s", TURN_TIMEOUT_SECONDS);
            return new Response(500, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(503, null);
        } catch (JsonProcessingException e) {
            return new Response(500, null);
        }
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
