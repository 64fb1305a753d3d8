package dev.bcsetup.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A recording pass-through on loopback: every request to it goes on, byte for byte with every header, to
 * {@code target}, and the answer comes back the same way; both are kept, so a test can read exactly what a service
 * received (headers included, which the fakes do not keep) and exactly what the bot answered.
 */
final class Wiretap implements AutoCloseable {

    /** Headers that belong to one hop and that the JDK's client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "http2-settings", "date");

    /** One request and its answer; header names lower-cased. */
    record Exchange(String method, String uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
                    int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {

        String requestText() {
            return new String(requestBody, StandardCharsets.UTF_8);
        }

        String responseText() {
            return new String(responseBody, StandardCharsets.UTF_8);
        }
    }

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "wiretap");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    private Wiretap(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::pass);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a tap in front of {@code origin} (scheme, host and port; any path is ignored). */
    static Wiretap to(String origin) {
        try {
            return new Wiretap(URI.create(origin));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where to send requests instead of the target: {@code http://127.0.0.1:port/}, with the trailing slash. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = URI.create(target.getScheme() + "://" + target.getRawAuthority() + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder forward = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90))
                    .method(exchange.getRequestMethod(), body.length == 0 && !exchange.getRequestMethod().equals("POST")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            Map<String, List<String>> requestHeaders = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                requestHeaders.computeIfAbsent(lower, n -> new CopyOnWriteArrayList<>()).addAll(values);
                if (!HOP_BY_HOP.contains(lower)) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Map<String, List<String>> responseHeaders = new TreeMap<>();
            answer.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                responseHeaders.put(lower, List.copyOf(values));
                if (!HOP_BY_HOP.contains(lower) && !lower.equals(":status")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            exchanges.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().toString(), requestHeaders, body,
                    answer.statusCode(), responseHeaders, answer.body()));
            boolean noBody = answer.body().length == 0;
            exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : answer.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
