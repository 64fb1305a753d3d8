package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.handoff.WebhookReceiver;
import dev.bcsetup.store.Database;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server killed with SIGKILL at random moments between the credentials being sent and the webhook
 * delivery, again and again, restarted on the same data folder each time: in the end every receipt a merchant saw
 * names a stored hand-off, and every hand-off stored reaches the receiver exactly once per Idempotency-Key, with a
 * valid signature.
 *
 * <p>Each round's merchant runs on its own thread against its own instance on its own port, and the round ends only
 * when that thread has: no request of a killed round can reach the next instance. The kill lands at a random moment
 * within how long a submission took to be delivered on this machine just now (the first round, then the latest round
 * that saw its delivery), so a busy machine stretches the window instead of leaving every kill before the submission.
 */
class HandOffCrashIT {

    private static final int ROUNDS = 12;
    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final String SECRET = "crash-test-webhook-secret";
    private static final Pattern RECEIPT = Pattern.compile("data-reference=\"(BC-[0-9A-Z-]+)\"");
    private static final Pattern STORED = Pattern.compile("Hand-off (BC-[0-9A-Z-]+) stored");
    private static final Pattern DELIVERED = Pattern.compile("Delivered hand-off (BC-[0-9A-Z-]+) to");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    private final List<PackagedServer> instances = new ArrayList<>();

    @AfterEach
    void killWhatIsStillRunning() {
        instances.forEach(PackagedServer::killIfRunning);
    }

    @Test
    void everyHandOffIsDeliveredExactlyOnceAcrossRepeatedKills() throws Exception {
        Random random = new Random();
        try (FakeBigCommerce bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live");
                WebhookReceiver receiver = new WebhookReceiver(SECRET, Clock.systemUTC()).start()) {
            bigCommerce.token(TOKEN, "abc123", FakeBigCommerce.everyScope(Access.MODIFY));
            Map<String, String> env = Map.of("DATA_DIR", workDir.resolve("data").toString(),
                    "BIGCOMMERCE_API_URL", bigCommerce.origin().toString(), "HANDOFF_WEBHOOK_URL", receiver.url().toString(),
                    "HANDOFF_WEBHOOK_SECRET", SECRET);
            Set<Integer> ports = PackagedServer.portRegister();
            Set<String> receipts = new HashSet<>();
            int[] killedIn = new int[3]; // before the receipt, after it but before delivery, after delivery

            // Round 0 runs to delivery untouched: how long that takes here and now sets where the next kill lands.
            PackagedServer first = start(env, ports);
            Submission measured = new Submission(first);
            String reference = measured.finish().orElseThrow(() -> new AssertionError("an untouched submission got no receipt: "
                    + measured.ending() + "; the instance said:\n" + String.join("\n", first.output()), measured.failure()));
            await(() -> delivered(receiver, reference), "the first hand-off delivered");
            long span = System.nanoTime() - measured.sentAt();
            long widest = 0;
            first.kill();
            receipts.add(reference);
            killedIn[2]++;

            for (int round = 1; round < ROUNDS; round++) {
                PackagedServer server = start(env, ports);
                Submission submission = new Submission(server);
                submission.awaitSending();
                // The kill's moment, at random up to a little past the last delivery measured; a round that sees its
                // own delivery before then measures the window again, so it follows the machine's pace.
                widest = Math.max(widest, (long) (1.25 * span));
                long killAt = submission.sentAt() + (long) (random.nextDouble() * 1.25 * span);
                long deliveredAt = 0;
                while (System.nanoTime() < killAt) {
                    Optional<String> shown = submission.receiptSoFar();
                    if (deliveredAt == 0 && shown.isPresent() && delivered(receiver, shown.get())) {
                        deliveredAt = System.nanoTime();
                    }
                    Thread.sleep(5);
                }
                Optional<String> seen = submission.receiptSoFar();
                killedIn[seen.isEmpty() ? 0 : delivered(receiver, seen.get()) ? 2 : 1]++;
                server.kill();
                submission.finish().ifPresent(receipts::add);
                if (deliveredAt != 0) {
                    span = deliveredAt - submission.sentAt();
                }
            }

            // The last instance runs until the receiver has every hand-off the instances logged as stored, and it has
            // recorded every delivery it made (it logs each once recorded), so stopping it cuts none short.
            Set<String> stored = logged(STORED, instances);
            int requestsBefore = receiver.requests();
            PackagedServer last = start(env, ports);
            await(() -> stored.stream().allMatch(r -> delivered(receiver, r))
                            && deliveriesLogged(last) >= receiver.requests() - requestsBefore,
                    "every hand-off the instances logged as stored delivered, and recorded");
            last.stop();
            Storage storage = Storage.read(workDir.resolve("data"));
            // Deliveries leased by a killed instance (a kill between the receiver's 200 and our commit) are due again
            // when the lease ends: one more instance runs past it, and the receiver drops the repeat by its key.
            if (!storage.pending().isEmpty()) {
                Set<String> owed = storage.pending();
                PackagedServer again = start(env, ports);
                await(HandOffSetup.LEASE.plus(PATIENCE), () -> logged(DELIVERED, again).containsAll(owed),
                        "the pending deliveries of " + owed + " made and recorded");
                again.stop();
                storage = Storage.read(workDir.resolve("data"));
            }

            System.out.printf("HandOffCrashIT: %d kills (%d before the receipt, %d after it but before delivery, %d after"
                            + " delivery), %d receipts seen, %d hand-offs stored, %d delivered, %d repeats dropped by"
                            + " Idempotency-Key, %d webhook requests, %d instances started, kill window up to %d ms%n", ROUNDS,
                    killedIn[0], killedIn[1], killedIn[2], receipts.size(), storage.ids().size(), receiver.accepted().size(),
                    receiver.repeats(), receiver.requests(), instances.size(), TimeUnit.NANOSECONDS.toMillis(widest));
            assertThat(storage.references()).as("every receipt a merchant saw names a stored hand-off").containsAll(receipts);
            assertThat(storage.references()).as("every hand-off an instance logged as stored is still stored").containsAll(stored);
            assertThat(receiver.accepted().keySet()).as("hand-offs delivered, by Idempotency-Key").isEqualTo(storage.ids());
            assertThat(receiver.badSignatures()).isEmpty();
            assertThat(storage.pending()).as("deliveries still pending").isEmpty();
        }
    }

    private PackagedServer start(Map<String, String> env, Set<Integer> ports) {
        PackagedServer server = PackagedServer.start(workDir, env, ports,
                line -> line.contains("ERROR") || line.contains("WARN") || line.contains("Hand-off") || line.contains("hand-off"));
        instances.add(server);
        return server;
    }

    private static boolean delivered(WebhookReceiver receiver, String reference) {
        return receiver.accepted().values().stream().anyMatch(body -> body.contains("\"reference\":\"" + reference + "\""));
    }

    /** The references in lines of the instances' output that {@code pattern} finds. */
    private static Set<String> logged(Pattern pattern, List<PackagedServer> instances) {
        Set<String> references = new HashSet<>();
        instances.forEach(instance -> references.addAll(logged(pattern, instance)));
        return references;
    }

    private static Set<String> logged(Pattern pattern, PackagedServer instance) {
        Set<String> references = new HashSet<>();
        for (String line : instance.output()) {
            Matcher found = pattern.matcher(line);
            if (found.find()) {
                references.add(found.group(1));
            }
        }
        return references;
    }

    /** How many deliveries {@code instance} has recorded (it logs each once its outbox row says so). */
    private static long deliveriesLogged(PackagedServer instance) {
        return instance.output().stream().filter(line -> DELIVERED.matcher(line).find()).count();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(PATIENCE, condition, what);
    }

    private static void await(Duration patience, BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + patience.toSeconds() + " s in vain for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** What the data folder holds once no instance runs: hand-offs by id and reference, and those still to deliver. */
    private record Storage(Set<String> ids, Set<String> references, Set<String> pending) {

        static Storage read(Path dataDir) throws SQLException {
            Set<String> ids = new HashSet<>();
            Set<String> references = new HashSet<>();
            Set<String> pending = new HashSet<>();
            try (Database database = Database.open(Optional.empty(), dataDir);
                    Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT id, reference FROM hand_offs")) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                        references.add(rows.getString(2));
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT h.reference FROM outbox o JOIN hand_offs h"
                        + " ON h.id = o.hand_off_id WHERE o.delivered_at IS NULL")) {
                    while (rows.next()) {
                        pending.add(rows.getString(1));
                    }
                }
            }
            return new Storage(ids, references, pending);
        }
    }

    /**
     * One merchant submitting credentials in the playground of one instance, on its own thread so the kill can land
     * anywhere in it: open the page, choose a direction, send the secure form, read the receipt.
     */
    private static final class Submission {

        private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

        private final PackagedServer server;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final CountDownLatch sending = new CountDownLatch(1);
        private final Thread thread;
        private volatile long sentAt;
        private volatile Optional<String> receipt = Optional.empty();
        private volatile IOException failure;
        private volatile String ending = "not finished";

        Submission(PackagedServer server) {
            this.server = server;
            this.thread = new Thread(this::run, "submission-" + server.port());
            thread.start();
        }

        private void run() {
            try {
                get("/");
                post("/playground", "action=choose_direction:0:TO_BIGCOMMERCE");
                sentAt = System.nanoTime();
                sending.countDown();
                int status = post("/playground/credentials", "api_path="
                        + URLEncoder.encode("https://api.bigcommerce.com/stores/abc123/v3/", StandardCharsets.UTF_8)
                        + "&client_id=" + CLIENT_ID + "&access_token=" + TOKEN);
                if (status != 303) {
                    ending = "the form was answered " + status;
                    return;
                }
                String page = get("/");
                Matcher found = RECEIPT.matcher(page);
                receipt = found.find() ? Optional.of(found.group(1)) : Optional.empty();
                ending = receipt.isPresent() ? "receipt shown" : "no receipt on the page:\n" + page;
            } catch (IOException e) {
                failure = e; // killed under our feet: that is the point, unless the credentials never left
                ending = "no answer (" + e + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sending.countDown();
            }
        }

        /** Waits until the credentials are on their way; fails if the instance did not get that far. */
        void awaitSending() throws InterruptedException {
            if (!sending.await(PATIENCE.toSeconds(), TimeUnit.SECONDS) || sentAt == 0) {
                throw new AssertionError("the submission to port " + server.port() + " never sent the credentials; the"
                        + " instance said:\n" + String.join("\n", server.output()), failure);
            }
        }

        long sentAt() {
            return sentAt;
        }

        /** How the thread ended, for a failure message. */
        String ending() {
            return ending;
        }

        IOException failure() {
            return failure;
        }

        Optional<String> receiptSoFar() {
            return receipt;
        }

        /** Waits for the thread to end, which it does once its instance answered or died; then the receipt, if any. */
        Optional<String> finish() throws InterruptedException {
            thread.join(PATIENCE.toMillis());
            if (thread.isAlive()) {
                throw new AssertionError("the submission to port " + server.port() + " is still running");
            }
            return receipt;
        }

        private String get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        private int post(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
