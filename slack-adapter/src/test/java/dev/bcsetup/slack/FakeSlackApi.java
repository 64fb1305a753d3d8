package dev.bcsetup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bcsetup.fault.Outage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Slack's Web API on loopback, answering as Slack does for the methods the bot uses: {@code ok: false}
 * with Slack's error codes for unknown channels and messages, 429 with {@code Retry-After} when told to,
 * {@code invalid_auth} for a wrong token. Every Block Kit payload it receives is checked against
 * {@link BlockKitLimits}; {@link #problems()} lists what Slack would have refused.
 */
public final class FakeSlackApi implements AutoCloseable {

    public static final String TEAM = "T0ACME001";
    public static final String BOT_USER = "U0BOT0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the fake saw it: the method, its parameters, and whether it was answered ok. */
    public record Call(String method, Map<String, String> params, boolean ok) {
        public String param(String name) {
            return params.get(name);
        }

        public JsonNode json(String name) {
            try {
                return params.containsKey(name) ? JSON.readTree(params.get(name)) : JSON.createArrayNode();
            } catch (IOException e) {
                throw new IllegalStateException(name + " is not JSON: " + params.get(name), e);
            }
        }

        /** The message's blocks, as one string, for simple "contains" checks. */
        public String blocksText() {
            String name = params.containsKey("blocks") ? "blocks" : "view";
            return params.containsKey(name) ? json(name).toString() : "";
        }
    }

    private record Scripted(int status, String error, int retryAfter) {
    }

    private final HttpServer server;
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Set<String> messages = ConcurrentHashMap.newKeySet();
    private final AtomicLong clock = new AtomicLong(1_780_000_000L);
    private final AtomicLong viewIds = new AtomicLong();
    private final Set<String> usedTriggers = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> views = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, Long> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> uploadedBytes = new ConcurrentHashMap<>();
    private volatile Duration filesSettleAfter = Duration.ZERO;
    private volatile int outageStatus;
    private final Outage hang = new Outage();

    /** How long a {@code trigger_id} stays usable, as in Slack. */
    public static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

    public FakeSlackApi(String token, String... existingChannels) throws IOException {
        this.token = token;
        channels.addAll(List.of(existingChannels));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::answer);
        server.createContext("/upload/", this::upload);
        server.start();
    }

    /** The base to give the bot as {@code SLACK_API_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The next call of {@code method} is answered {@code ok: false} with this error. */
    public void failNext(String method, String error) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Scripted(200, error, 0));
    }

    /** The next call of {@code method} is refused with HTTP 429 and this {@code Retry-After}. */
    public void rateLimitNext(String method, int retryAfterSeconds) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Scripted(429, "ratelimited", retryAfterSeconds));
    }

    /**
     * From now on every Web API call is answered with this HTTP status (500, 502, 503 or 504) and the plain
     * text body Slack's edge sends, until {@code outage(0)}. The calls are still recorded, as not ok.
     */
    public void outage(int status) {
        outageStatus = status;
    }

    /** From now on every Web API call waits, unanswered, until {@link #release()}: Slack hanging. */
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

    /** A user group ({@code S...}) and its members, for {@code usergroups.list} and {@code usergroups.users.list}. */
    public void group(String id, String handle, String... users) {
        groups.put(id + "/" + handle, List.of(users));
    }

    /** The modal as Slack shows it now (after views.open, views.update, or an acknowledgement's update). */
    public JsonNode view(String viewId) {
        ObjectNode view = views.get(viewId);
        if (view == null) {
            throw new AssertionError("no view " + viewId);
        }
        return view.deepCopy();
    }

    /** Every view currently open, newest id last. */
    public List<String> viewIds() {
        return views.keySet().stream().sorted().toList();
    }

    /**
     * What Slack does with {@code response_action: update} in a view_submission acknowledgement: the view
     * is replaced (and its hash changes). Checked against Block Kit limits like any other view.
     */
    public void acknowledgedWithUpdate(String viewId, JsonNode view) {
        List<String> found = BlockKitLimits.view(view);
        found.forEach(p -> problems.add("response_action update: " + p));
        store(viewId, view);
    }

    /** Messages showing a file uploaded less than this long ago are refused with {@code invalid_blocks}, as Slack has done (#1349). */
    public void filesSettleAfter(Duration settle) {
        this.filesSettleAfter = settle;
    }

    /** IDs of files whose bytes arrived through files.uploadV2's upload URL. */
    public Set<String> uploadedFiles() {
        return Set.copyOf(uploadedBytes.keySet());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /**
     * Calls made because of something a person did: not auth.test, which the SDK makes on its own, nor the
     * picture uploads (files.*) a bot without a public URL makes in the background from start-up.
     */
    public List<Call> sent() {
        return calls.stream().filter(c -> !c.method().equals("auth.test") && !c.method().startsWith("files.")).toList();
    }

    /** What Slack would have refused in the payloads received so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Waits for the {@code nth} (1-based, counting from {@code after}) call matching; fails after 10 s. */
    public Call await(int after, Predicate<Call> wanted, String description) {
        return await(after, wanted, description, Duration.ofSeconds(10));
    }

    /** As {@link #await(int, Predicate, String)}, failing after {@code timeout}. */
    public Call await(int after, Predicate<Call> wanted, String description, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> snapshot = calls();
            for (int i = after; i < snapshot.size(); i++) {
                if (wanted.test(snapshot.get(i))) {
                    return snapshot.get(i);
                }
            }
            pause(20);
        }
        throw new AssertionError("Slack never received " + description + "; calls after #" + after + ": "
                + calls().subList(Math.min(after, calls().size()), calls().size()).stream().map(Call::method).toList());
    }

    public Call await(int after, String method, String description) {
        return await(after, c -> c.method().equals(method), description);
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> params = contentType.startsWith("application/json") ? json(body) : form(body);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String presented = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");

        hang.await();
        int outage = outageStatus;
        if (outage != 0) {
            calls.add(new Call(method, params, false));
            unavailable(exchange, outage);
            return;
        }
        Deque<Scripted> queue = scripted.get(method);
        Scripted script = queue == null ? null : queue.poll();
        if (!token.equals(presented)) {
            calls.add(new Call(method, params, false));
            reply(exchange, 200, error("invalid_auth"), 0);
            return;
        }
        if (script != null) {
            calls.add(new Call(method, params, false));
            reply(exchange, script.status(), error(script.error()), script.retryAfter());
            return;
        }
        ObjectNode result = switch (method) {
            case "auth.test" -> ok().put("url", "https://acme.slack.com/").put("team", "Acme")
                    .put("user", "bcsetup").put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", "B0BOT0001");
            case "conversations.open" -> {
                String user = params.getOrDefault("users", "");
                if (!user.matches("[UW][A-Z0-9]+")) {
                    yield error("user_not_found");
                }
                String channel = "D" + user.substring(1);
                channels.add(channel);
                ObjectNode ok = ok();
                ok.putObject("channel").put("id", channel);
                yield ok;
            }
            case "chat.postMessage" -> {
                if (!channels.contains(params.get("channel"))) {
                    yield error("channel_not_found");
                }
                if (!filesUsable(params)) {
                    yield error("invalid_blocks");
                }
                check(method, params);
                String ts = nextTs();
                messages.add(params.get("channel") + "/" + ts);
                params.put("ts", ts);
                yield ok().put("channel", params.get("channel")).put("ts", ts);
            }
            case "chat.update" -> {
                if (!channels.contains(params.get("channel"))) {
                    yield error("channel_not_found");
                }
                if (!messages.contains(params.get("channel") + "/" + params.get("ts"))) {
                    yield error("message_not_found");
                }
                if (!filesUsable(params)) {
                    yield error("invalid_blocks");
                }
                check(method, params);
                yield ok().put("channel", params.get("channel")).put("ts", params.get("ts"));
            }
            case "chat.postEphemeral" -> {
                if (!channels.contains(params.get("channel"))) {
                    yield error("channel_not_found");
                }
                if (params.get("user") == null) {
                    yield error("user_not_in_channel");
                }
                check(method, params);
                yield ok().put("message_ts", nextTs());
            }
            case "views.publish", "views.open", "views.update", "views.push" -> {
                JsonNode view = new Call(method, params, true).json("view");
                List<String> found = BlockKitLimits.view(view);
                found.forEach(p -> problems.add(method + ": " + p));
                if (!found.isEmpty()) {
                    yield error("invalid_arguments");
                }
                String refused = switch (method) {
                    case "views.open", "views.push" -> trigger(params.get("trigger_id"));
                    case "views.update" -> updatable(params.get("view_id"), params.get("hash"));
                    default -> null;
                };
                if (refused != null) {
                    yield error(refused);
                }
                ObjectNode ok = ok();
                if (method.equals("views.publish")) {
                    ok.set("view", view);
                } else {
                    String id = method.equals("views.update") ? params.get("view_id") : "V" + String.format("%08d", viewIds.incrementAndGet());
                    ok.set("view", store(id, view));
                }
                yield ok;
            }
            case "files.getUploadURLExternal" -> {
                if (params.get("filename") == null || params.get("length") == null) {
                    yield error("invalid_arguments");
                }
                String id = "F" + String.format("%08d", files.size() + 1);
                files.put(id, 0L);
                yield ok().put("upload_url", url() + "upload/" + id).put("file_id", id);
            }
            case "files.completeUploadExternal" -> {
                JsonNode list = new Call(method, params, true).json("files");
                ObjectNode ok = ok();
                ArrayNode done = ok.putArray("files");
                boolean all = list.size() > 0;
                for (JsonNode file : list) {
                    String id = file.path("id").asText();
                    all &= uploadedBytes.containsKey(id);
                    files.put(id, System.currentTimeMillis());
                    done.addObject().put("id", id).put("title", file.path("title").asText()).put("mimetype", "image/png");
                }
                yield all ? ok : error("file_not_found");
            }
            case "files.info" -> {
                String id = params.getOrDefault("file", "");
                if (!uploadedBytes.containsKey(id)) {
                    yield error("file_not_found");
                }
                ObjectNode ok = ok();
                ok.putObject("file").put("id", id).put("mimetype", "image/png");
                yield ok;
            }
            case "usergroups.list" -> {
                ObjectNode ok = ok();
                ArrayNode list = ok.putArray("usergroups");
                groups.keySet().stream().sorted().forEach(key -> list.addObject().put("id", key.split("/")[0])
                        .put("team_id", TEAM).put("handle", key.split("/")[1]).put("is_usergroup", true));
                yield ok;
            }
            case "usergroups.users.list" -> {
                String group = params.getOrDefault("usergroup", "");
                Optional<Map.Entry<String, List<String>>> found = groups.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(group + "/")).findFirst();
                if (found.isEmpty()) {
                    yield error("no_such_subteam");
                }
                ObjectNode ok = ok();
                ArrayNode users = ok.putArray("users");
                found.get().getValue().forEach(users::add);
                yield ok;
            }
            default -> error("unknown_method");
        };
        calls.add(new Call(method, params, result.path("ok").asBoolean()));
        reply(exchange, 200, result, 0);
    }

    private boolean filesUsable(Map<String, String> params) {
        if (!params.containsKey("blocks")) {
            return true;
        }
        for (JsonNode file : new Call("", params, true).json("blocks").findValues("slack_file")) {
            Long completed = files.get(file.path("id").asText());
            if (completed == null || completed == 0L || System.currentTimeMillis() - completed < filesSettleAfter.toMillis()) {
                return false;
            }
        }
        return true;
    }

    private void upload(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!files.containsKey(id)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        uploadedBytes.put(id, body.length);
        byte[] answer = ("OK - " + body.length).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Slack's rule: a trigger works once, within 3 seconds of the click (the issue time leads the ID). */
    private String trigger(String triggerId) {
        if (triggerId == null || !triggerId.matches("\\d{13}\\.\\d+\\.[0-9a-f]+")) {
            return "invalid_trigger_id";
        }
        long issued = Long.parseLong(triggerId.substring(0, 13));
        if (System.currentTimeMillis() - issued > TRIGGER_LIFETIME.toMillis()) {
            return "expired_trigger_id";
        }
        return usedTriggers.add(triggerId) ? null : "exchanged_trigger_id";
    }

    private String updatable(String viewId, String hash) {
        ObjectNode current = viewId == null ? null : views.get(viewId);
        if (current == null) {
            return "not_found";
        }
        return hash == null || hash.isEmpty() || hash.equals(current.path("hash").asText()) ? null : "hash_conflict";
    }

    private ObjectNode store(String id, JsonNode view) {
        ObjectNode stored = view.deepCopy();
        stored.put("id", id).put("team_id", TEAM).put("hash", clock.incrementAndGet() + ".h" + id);
        stored.putObject("state").putObject("values");
        views.put(id, stored);
        return stored.deepCopy();
    }

    private void check(String method, Map<String, String> params) {
        Call call = new Call(method, params, true);
        for (String problem : BlockKitLimits.message(params.get("text"), params.containsKey("blocks") ? call.json("blocks") : null)) {
            problems.add(method + ": " + problem);
        }
        if (params.get("text") == null || params.get("text").isBlank()) {
            problems.add(method + ": no fallback text (notifications and screen readers need it)");
        }
    }

    private String nextTs() {
        return clock.incrementAndGet() + ".000100";
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static void unavailable(HttpExchange exchange, int status) throws IOException {
        byte[] bytes = (status + " Service Unavailable\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body, int retryAfter) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfter > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static Map<String, String> json(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonNode tree = JSON.readTree(body);
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                params.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
            }
        } catch (IOException e) {
            params.put("_unreadable", body);
        }
        return params;
    }

    /** Every message (posted or updated) that carried blocks, newest last. */
    public List<Call> messagesWithBlocks() {
        List<Call> out = new ArrayList<>();
        for (Call call : calls()) {
            if (call.ok() && (call.method().equals("chat.postMessage") || call.method().equals("chat.update"))) {
                out.add(call);
            }
        }
        return out;
    }

    @Override
    public void close() {
        hang.end();
        server.stop(0);
    }
}
