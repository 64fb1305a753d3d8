package dev.bcsetup.handoff;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A migration system's webhook endpoint on loopback, written as the README tells receivers to: verify the
 * signature and the timestamp's age, then keep the first body per Idempotency-Key and answer 2xx to repeats
 * without acting on them. Scripted answers (500, 429, slowness) come first; when the script is empty it accepts.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One scripted answer: a status, optional Retry-After, and how long to dawdle first. */
    public record Answer(int status, String retryAfter, long delayMillis) {
        public static Answer status(int status) {
            return new Answer(status, null, 0);
        }
    }

    private final String secret;
    private final Clock clock;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final Map<String, String> accepted = new LinkedHashMap<>();
    private final List<String> badSignatures = new ArrayList<>();
    private int requests;
    private int repeats;
    private HttpServer server;
    private int port;

    public WebhookReceiver(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    public WebhookReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hand-offs", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops listening (connections are refused) until {@link #start} again on the same port. */
    public void down() {
        server.stop(0);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hand-offs");
    }

    public void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public synchronized Map<String, String> accepted() {
        return new LinkedHashMap<>(accepted);
    }

    public synchronized int requests() {
        return requests;
    }

    public synchronized int repeats() {
        return repeats;
    }

    public synchronized List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer = script.poll();
        if (answer != null && answer.delayMillis() > 0) {
            sleep(answer.delayMillis());
        }
        synchronized (this) {
            requests++;
        }
        if (answer != null && answer.status() != 200) {
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            respond(exchange, answer.status());
            return;
        }
        String timestamp = exchange.getRequestHeaders().getFirst("X-Handoff-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Handoff-Signature");
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (!verify(secret, timestamp, body, signature, clock.instant().getEpochSecond())) {
            synchronized (this) {
                badSignatures.add(key);
            }
            respond(exchange, 401);
            return;
        }
        synchronized (this) {
            if (accepted.containsKey(key)) {
                repeats++;
            } else {
                accepted.put(key, body);
            }
        }
        respond(exchange, 200);
    }

    /** The README's verification, line for line. */
    public static boolean verify(String secret, String timestamp, String body, String signature, long nowEpochSeconds) {
        try {
            long sent = Long.parseLong(timestamp);
            if (Math.abs(nowEpochSeconds - sent) > 300) {
                return false; // older than 5 minutes (or from the future): a replay
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
            // no body
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
