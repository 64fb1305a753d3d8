package dev.bcsetup.credentials.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bcsetup.fault.Latency;
import dev.bcsetup.fault.Outage;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BigCommerce REST API on 127.0.0.1 that answers as the real one does for the endpoints the
 * validator probes: scope checks before body checks, 401 in plain text, the scope 403 in JSON,
 * rate-limit headers on every answer. It ignores X-Auth-Client, like the real API.
 */
public final class FakeBigCommerce implements AutoCloseable {

    private static final Pattern STORE_PATH = Pattern.compile("/stores/([^/]+)(/v[23]/.*)");
    private static final String SCOPE_403 = "{\"status\":403,\"title\":\"You don't have a required scope to access the endpoint\","
            + "\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, FakeStore> stores = new ConcurrentHashMap<>();
    private final Map<String, FakeToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> windows = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger forced429 = new AtomicInteger();
    private volatile boolean forced429WithHeaders = true;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean unavailable;
    private final Outage hang = new Outage();
    private volatile int quota = 150;
    private volatile Duration window = Duration.ofSeconds(30);

    private FakeBigCommerce(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a fake on a free loopback port. */
    /** Every scope at one access level: the grant of a token whose account ticked every box the same way. */
    public static Map<Scope, Access> everyScope(Access access) {
        Map<Scope, Access> scopes = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            scopes.put(scope, access);
        }
        return scopes;
    }

    public static FakeBigCommerce start() {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK (about 40 ms on Linux), a delay the real API does not
        // have. The property is read once per JVM, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            // Probes arrive all at once; one thread per exchange keeps injected latency parallel.
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "fake-bigcommerce");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            FakeBigCommerce fake = new FakeBigCommerce(server, executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake BigCommerce", e);
        }
    }

    /** The origin to configure as the BigCommerce API URL. */
    public URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds a store. */
    public FakeBigCommerce store(String hash, String name, String domain, String plan, String status) {
        stores.put(hash, new FakeStore(hash, name, domain, plan, status));
        return this;
    }

    /** Adds a V2/V3 API token of {@code storeHash} with these scopes; scopes not listed are not granted. */
    public FakeBigCommerce token(String token, String storeHash, Map<Scope, Access> scopes) {
        tokens.put(token, new FakeToken(storeHash, Map.copyOf(scopes), false, false));
        return this;
    }

    /** Adds a Stencil-CLI token of {@code storeHash}: it authenticates but reaches no data. */
    public FakeBigCommerce stencilToken(String token, String storeHash) {
        tokens.put(token, new FakeToken(storeHash, Map.of(), true, false));
        return this;
    }

    /** Revokes a token, as deleting its API account does. */
    public void revoke(String token) {
        tokens.computeIfPresent(token, (k, t) -> new FakeToken(t.storeHash(), t.scopes(), t.stencil(), true));
    }

    /** Delays every answer by {@code latency}. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** From now on every request waits, unanswered, until {@link #release()}: BigCommerce hanging. */
    public void hang() {
        hang.begin();
    }

    /** Answers the requests held by {@link #hang()} and every request after. */
    public void release() {
        hang.end();
    }

    /** How many requests are being held by {@link #hang()} right now. */
    public int held() {
        return hang.held();
    }

    /** Answers 503 to everything while {@code unavailable}. */
    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** The per-store quota: {@code quota} requests per {@code window}; the default is 150 per 30 s. */
    public void rateLimit(int quota, Duration window) {
        this.quota = quota;
        this.window = window;
        windows.clear();
    }

    /** Answers 429 to the next {@code count} requests, with or without the rate-limit headers. */
    public void rateLimitNext(int count, boolean withHeaders) {
        forced429WithHeaders = withHeaders;
        forced429.set(count);
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        hang.end();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = readBody(exchange.getRequestBody());
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            URI uri = exchange.getRequestURI();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    headers, body));
            Latency.take(latency);
            hang.await();
            Answer answer = answer(exchange.getRequestMethod(), uri.getRawPath(), firstHeader(headers, "X-Auth-Token"), body);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer answer(String method, String path, String token, String body) {
        if (unavailable) {
            return json(503, "{\"status\":503,\"title\":\"Service Unavailable\"}", Map.of());
        }
        if (forced429.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return json(429, "{\"status\":429,\"title\":\"Too Many Requests\"}",
                    forced429WithHeaders ? Map.of("X-Rate-Limit-Time-Reset-Ms", "200", "X-Retry-After", "1",
                            "X-Rate-Limit-Requests-Left", "0", "X-Rate-Limit-Requests-Quota", "150",
                            "X-Rate-Limit-Time-Window-Ms", "30000") : Map.of());
        }
        FakeToken grant = token == null ? null : tokens.get(token);
        if (grant == null || grant.revoked()) {
            return new Answer(401, "text/plain; charset=utf-8", "Unauthorized", Map.of());
        }
        Matcher matcher = STORE_PATH.matcher(path);
        if (!matcher.matches()) {
            return json(404, "{\"status\":404,\"title\":\"Not Found\"}", Map.of());
        }
        String hash = matcher.group(1);
        String endpoint = matcher.group(2);
        // Undocumented: what a valid token meets on another store's hash. We assume the gateway
        // knows the token and refuses it with its usual scope 403, /v2/time included.
        if (!grant.storeHash().equals(hash) || !stores.containsKey(hash)) {
            return json(403, SCOPE_403, Map.of());
        }
        Map<String, String> rateHeaders = new TreeMap<>();
        if (!windows.computeIfAbsent(hash, h -> new RateWindow()).take(quota, window, rateHeaders)) {
            return json(429, "{\"status\":429,\"title\":\"Too Many Requests\"}", rateHeaders);
        }
        Optional<Route> route = Route.find(method, endpoint);
        if (route.isEmpty()) {
            return json(404, "{\"status\":404,\"title\":\"Not Found\"}", rateHeaders);
        }
        if (route.get().scope().isEmpty()) {
            return json(200, "{\"time\":" + (System.currentTimeMillis() / 1000) + "}", rateHeaders);
        }
        Access granted = grant.stencil() ? null : grant.scopes().get(route.get().scope().get());
        Access needed = method.equals("GET") ? Access.READ_ONLY : Access.MODIFY;
        if (granted == null || !granted.satisfies(needed)) {
            return json(403, SCOPE_403, rateHeaders);
        }
        if (!method.equals("GET")) {
            // Past the scope check an empty body is invalid; v2 answers 400 with a list of errors, v3 422.
            return endpoint.startsWith("/v2/")
                    ? json(400, "[{\"status\":400,\"message\":\"The field 'name' cannot be blank.\"}]", rateHeaders)
                    : json(422, "{\"status\":422,\"title\":\"JSON data is missing or invalid\",\"errors\":{}}", rateHeaders);
        }
        return json(200, route.get().sampleBody(stores.get(hash)), rateHeaders);
    }

    private static Answer json(int status, String body, Map<String, String> headers) {
        return new Answer(status, "application/json", body, headers);
    }

    private static String firstHeader(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A request as the fake received it; header names are case-insensitive. */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                                  String body) {
        /** The first value of a header, or null. */
        public String header(String name) {
            return firstHeader(headers, name);
        }
    }

    private record FakeStore(String hash, String name, String domain, String plan, String status) {
    }

    private record FakeToken(String storeHash, Map<Scope, Access> scopes, boolean stencil, boolean revoked) {
    }

    private record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    /** A fixed window per store, as BigCommerce's quota is shared by every app on the store. */
    private static final class RateWindow {
        private long windowStart;
        private int used;

        synchronized boolean take(int quota, Duration window, Map<String, String> headers) {
            long now = System.currentTimeMillis();
            if (now - windowStart >= window.toMillis()) {
                windowStart = now;
                used = 0;
            }
            long resetMs = Math.max(0, windowStart + window.toMillis() - now);
            boolean allowed = used < quota;
            if (allowed) {
                used++;
            }
            headers.put("X-Rate-Limit-Requests-Left", Integer.toString(Math.max(0, quota - used)));
            headers.put("X-Rate-Limit-Requests-Quota", Integer.toString(quota));
            headers.put("X-Rate-Limit-Time-Window-Ms", Long.toString(window.toMillis()));
            headers.put("X-Rate-Limit-Time-Reset-Ms", Long.toString(resetMs));
            if (!allowed) {
                headers.put("X-Retry-After", Long.toString(Math.max(1, (resetMs + 999) / 1000)));
            }
            return allowed;
        }
    }

    /** The endpoints the fake knows and the scope each needs; /v2/time needs none. */
    private record Route(String method, Pattern path, Optional<Scope> scope) {

        private static final List<Route> ALL = List.of(
                route("GET", "/v2/time", null),
                route("GET", "/v2/store", Scope.INFORMATION_AND_SETTINGS),
                route("GET|POST", "/v2/pages", Scope.CONTENT),
                route("GET|POST", "/v3/customers", Scope.CUSTOMERS),
                route("GET|POST", "/v2/coupons", Scope.MARKETING),
                route("GET|POST", "/v2/banners", Scope.MARKETING),
                route("GET|POST", "/v2/orders", Scope.ORDERS),
                route("GET|POST", "/v3/catalog/products", Scope.PRODUCTS),
                route("GET|POST", "/v3/channels", Scope.CHANNEL_SETTINGS),
                route("GET|POST", "/v3/channels/\\d+/listings", Scope.CHANNEL_LISTINGS));

        private static Route route(String methods, String path, Scope scope) {
            return new Route(methods, Pattern.compile(path + "/?"), Optional.ofNullable(scope));
        }

        static Optional<Route> find(String method, String endpoint) {
            return ALL.stream()
                    .filter(r -> method.matches(r.method()) && r.path().matcher(endpoint).matches())
                    .findFirst();
        }

        String sampleBody(FakeStore store) {
            String path = this.path.pattern();
            if (path.startsWith("/v2/store")) {
                return "{\"id\":\"" + store.hash() + "\",\"name\":\"" + store.name() + "\",\"domain\":\"" + store.domain()
                        + "\",\"secure_url\":\"https://" + store.domain() + "\",\"status\":\"" + store.status()
                        + "\",\"plan_name\":\"" + store.plan() + "\",\"plan_level\":\"" + store.plan()
                        + "\",\"plan_is_trial\":false,\"default_channel_id\":1,\"features\":{}}";
            }
            if (path.startsWith("/v3/")) {
                return "{\"data\":[],\"meta\":{\"pagination\":{\"total\":0,\"count\":0,\"per_page\":1,\"current_page\":1,"
                        + "\"total_pages\":0}}}";
            }
            return "[]";
        }
    }
}
