package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.handoff.WebhookReceiver;
import dev.bcsetup.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server killed with SIGKILL at random moments between the live check and the webhook delivery,
 * again and again, restarted on the same data folder each time: in the end every hand-off stored reaches the
 * receiver, exactly once per Idempotency-Key, with a valid signature.
 */
class HandOffCrashIT {

    private static final int ROUNDS = 12;
    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final String SECRET = "crash-test-webhook-secret";
    private static final List<String> CONTRACT = List.of("PORT", "PUBLIC_BASE_URL", "DATABASE_URL", "CREDENTIALS_KEY",
            "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL", "MICROSOFT_APP_ID",
            "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE", "BIGCOMMERCE_API_URL",
            "HANDOFF_SLACK_CHANNEL", "HANDOFF_TEAMS_CHANNEL", "HANDOFF_WEBHOOK_URL", "HANDOFF_WEBHOOK_SECRET",
            "ENGINEERS", "BIND_ADDRESS", "DATA_DIR", "CONFIG_FILE", "HANDOFF_RETENTION_DAYS", "HANDOFF_PURGE_GRACE_HOURS");

    @TempDir
    Path workDir;

    @Test
    void everyHandOffIsDeliveredExactlyOnceAcrossRepeatedKills() throws Exception {
        Random random = new Random();
        Map<Scope, Access> all = FakeBigCommerce.everyScope(Access.MODIFY);
        try (FakeBigCommerce bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live");
                WebhookReceiver receiver = new WebhookReceiver(SECRET, Clock.systemUTC()).start()) {
            bigCommerce.token(TOKEN, "abc123", all);
            int port = freePort();
            Map<String, String> env = Map.of("PORT", Integer.toString(port), "DATA_DIR", workDir.resolve("data").toString(),
                    "BIGCOMMERCE_API_URL", bigCommerce.origin().toString(), "HANDOFF_WEBHOOK_URL", receiver.url().toString(),
                    "HANDOFF_WEBHOOK_SECRET", SECRET);
            Set<String> receipts = new HashSet<>();
            for (int round = 0; round < ROUNDS; round++) {
                Process server = start(env);
                try {
                    CompletableFuture<Optional<String>> submitted = CompletableFuture.supplyAsync(() -> submit(port));
                    // Kill somewhere between the submission, the live check, the hand-off and its delivery.
                    Thread.sleep(200 + random.nextInt(2500));
                    if (submitted.isDone()) {
                        submitted.getNow(Optional.empty()).ifPresent(receipts::add);
                    }
                } finally {
                    server.destroyForcibly();
                    server.waitFor(10, TimeUnit.SECONDS);
                }
            }

            // Entries leased by a killed instance become due when the lease ends: let a last instance run past it.
            Process last = start(env);
            try {
                Thread.sleep(HandOffSetup.LEASE.plusSeconds(5).toMillis());
            } finally {
                last.destroy();
                last.waitFor(15, TimeUnit.SECONDS);
            }

            Set<String> stored = new HashSet<>();
            Set<String> references = new HashSet<>();
            int pending;
            try (Database database = Database.open(Optional.empty(), workDir.resolve("data"));
                    Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT id, reference FROM hand_offs")) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                        references.add(rows.getString(2));
                    }
                }
                try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL")) {
                    row.next();
                    pending = row.getInt(1);
                }
            }
            System.out.printf("HandOffCrashIT: %d kills survived, %d receipts seen before a kill, %d hand-offs stored,"
                    + " %d delivered, %d repeats dropped by Idempotency-Key, %d requests%n", ROUNDS, receipts.size(), stored.size(),
                    receiver.accepted().size(), receiver.repeats(), receiver.requests());
            assertThat(stored).as("some submissions got through before their kill").isNotEmpty();
            assertThat(references).as("every receipt the merchant saw names a stored hand-off").containsAll(receipts);
            assertThat(receiver.accepted().keySet()).isEqualTo(stored);
            assertThat(receiver.badSignatures()).isEmpty();
            assertThat(pending).isZero();
        }
    }

    /** The reference on the receipt, if the merchant got one before the kill. */
    private static Optional<String> submit(int port) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
            post(http, base + "/playground", "action=choose_direction:0:TO_BIGCOMMERCE");
            int status = post(http, base + "/playground/credentials", "api_path="
                    + URLEncoder.encode("https://api.bigcommerce.com/stores/abc123/v3/", StandardCharsets.UTF_8)
                    + "&client_id=" + CLIENT_ID + "&access_token=" + TOKEN);
            if (status != 303) {
                return Optional.empty();
            }
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher receipt = java.util.regex.Pattern.compile("data-reference=\"(BC-[0-9A-Z-]+)\"").matcher(page);
            return receipt.find() ? Optional.of(receipt.group(1)) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty(); // killed under our feet: that is the point
        }
    }

    private static int post(HttpClient http, String url, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Process start(Map<String, String> env) throws Exception {
        Path jar = Path.of(System.getProperty("bot.jar", "target/bigcommerce-setup.jar"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()).directory(workDir.toFile()).redirectErrorStream(true);
        CONTRACT.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Process process = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("Ready in")) {
                        ready.countDown();
                    }
                    if (line.contains("ERROR") || line.contains("Hand-off") || line.contains("hand-off")) {
                        System.out.println("  server: " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process died
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("server started").isTrue();
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
