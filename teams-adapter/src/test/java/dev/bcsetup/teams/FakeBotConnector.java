package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bcsetup.fault.Latency;
import dev.bcsetup.fault.Outage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot Connector as Teams runs it, on loopback: accepts new activities
 * ({@code POST /v3/conversations/{id}/activities[/{replyToId}]}) and updates ({@code PUT .../activities/{id}}),
 * answers with the activity's id, and throttles every n-th call with 429 as Teams does. Like the real service it
 * answers many calls at once, each on its own thread, so a call it holds never holds up another. It can also publish
 * JSON documents such as Bot Framework OpenID metadata and signing keys ({@link #publishDocument}).
 */
public final class FakeBotConnector implements AutoCloseable {

    /**
     * One call the connector accepted. Its activity is read when a test first asks for it: the connector is another
     * company's service, and reading every card as it arrives would put that CPU on the bot's account in the bench,
     * which shares the JVM.
     */
    public static final class Call {
        private final String method;
        private final String conversationId;
        private final String activityId;
        private final byte[] raw;
        private final String authorization;
        private final String id;
        private volatile JsonNode body;

        Call(String method, String conversationId, String activityId, byte[] raw, String authorization, String id) {
            this.method = method;
            this.conversationId = conversationId;
            this.activityId = activityId;
            this.raw = raw;
            this.authorization = authorization;
            this.id = id;
        }

        public String method() {
            return method;
        }

        public String conversationId() {
            return conversationId;
        }

        /** The activity updated (PUT) or replied to, or null. */
        public String activityId() {
            return activityId;
        }

        public String authorization() {
            return authorization;
        }

        /** The id the connector gave the activity. */
        public String id() {
            return id;
        }

        /** The activity sent. */
        public JsonNode body() {
            JsonNode read = body;
            if (read == null) {
                try {
                    read = JSON.readTree(raw);
                } catch (IOException e) {
                    throw new UncheckedIOException("the connector received malformed JSON", e);
                }
                body = read;
            }
            return read;
        }

        public String text() {
            return body().path("text").asText("");
        }

        /** The Adaptive Card sent, or a missing node. */
        public JsonNode card() {
            return body().path("attachments").path(0).path("content");
        }

        public boolean isCard() {
            return !card().isMissingNode();
        }
    }

    private static final Pattern ACTIVITIES = Pattern.compile("/v3/conversations/([^/]+)/activities(?:/([^/]+))?/?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-bot-connector");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private volatile int throttleEvery;
    private volatile int outageStatus;
    private volatile Duration latency = Duration.ZERO;
    private final Outage hang = new Outage();

    public FakeBotConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v3/conversations/", this::activities);
        server.createContext("/openid/", this::document);
        server.start();
    }

    /** The serviceUrl Teams would put in activities: with a trailing slash, as Teams does. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Every n-th call is answered 429 with {@code Retry-After: 0}; 0 never throttles. */
    public void throttleEvery(int n) {
        throttleEvery = n;
    }

    /**
     * From now on every activity call is answered with this HTTP status (500, 502, 503 or 504) and the
     * connector's error body, until {@code outage(0)}; such calls are not recorded as delivered.
     */
    public void outage(int status) {
        outageStatus = status;
    }

    /** From now on every activity call is answered only after {@code latency}, as the real service's 100-300 ms. */
    public void answerAfter(Duration latency) {
        this.latency = latency;
    }

    /** From now on every activity call waits, unanswered, until {@link #release()}: the connector hanging. */
    public void hang() {
        hang.begin();
    }

    /** Answers the calls held by {@link #hang()} and every call after. */
    public void release() {
        hang.end();
    }

    /** How many calls are being held by {@link #hang()} right now. */
    public int held() {
        return hang.held();
    }

    public int throttledCount() {
        return throttled.get();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clear() {
        calls.clear();
    }

    /** Waits until at least {@code count} calls arrived (follow-ups are sent off the request thread). */
    public List<Call> awaitCalls(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            synchronized (this) {
                if (calls.size() >= count) {
                    return List.copyOf(calls);
                }
            }
            Thread.sleep(20);
        }
        return calls();
    }

    /** Serves {@code body} at {@code /openid/{name}}; returns its URL. */
    public String publishDocument(String name, String body) {
        documents.put(name, body.getBytes(StandardCharsets.UTF_8));
        return serviceUrl() + "openid/" + name;
    }

    private void activities(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = ACTIVITIES.matcher(exchange.getRequestURI().getRawPath());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (!m.matches() || !(exchange.getRequestMethod().equals("POST") || exchange.getRequestMethod().equals("PUT"))) {
                respond(exchange, 404, "{\"error\":{\"code\":\"NotFound\"}}");
                return;
            }
            hang.await();
            Latency.take(latency);
            int outage = outageStatus;
            if (outage != 0) {
                respond(exchange, outage, "{\"error\":{\"code\":\"ServiceError\",\"message\":\"The service is unavailable\"}}");
                return;
            }
            int n = throttleEvery;
            if (n > 0 && seen.incrementAndGet() % n == 0) {
                throttled.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "0");
                respond(exchange, 429, "{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests\"}}");
                return;
            }
            String conversation = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            String activityId = m.group(2) == null ? null : java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            String id = exchange.getRequestMethod().equals("PUT") ? activityId : "1:" + ids.incrementAndGet();
            synchronized (this) {
                calls.add(new Call(exchange.getRequestMethod(), conversation, activityId, raw,
                        exchange.getRequestHeaders().getFirst("Authorization"), id));
            }
            respond(exchange, exchange.getRequestMethod().equals("PUT") ? 200 : 201, "{\"id\":\"" + id + "\"}");
        }
    }

    private void document(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/openid/".length());
            byte[] body = documents.get(name);
            if (body == null) {
                respond(exchange, 404, "{}");
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        hang.end();
        server.stop(0);
        threads.shutdownNow();
    }
}
