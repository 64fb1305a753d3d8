package dev.bcsetup.handoff;

import static dev.bcsetup.handoff.Fixtures.MERCHANT;
import static dev.bcsetup.handoff.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.conversation.MutableClock;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.handoff.WebhookReceiver.Answer;
import dev.bcsetup.store.Database;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The outbox delivering to a real webhook receiver on loopback and to notifiers: outages, slowness, 500s and
 * 429s are waited out (minutes compressed by a hand-moved clock), and each hand-off arrives exactly once.
 */
class DeliveryTest {

    private static final String SECRET = "webhook-secret-0123456789";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dataDirectory;

    private final MutableClock clock = new MutableClock(T0);
    /** Every instance shares CREDENTIALS_KEY, as they must. */
    private final String keys = Fixtures.keyText("k1");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Database database;
    private HandOffs handOffs;
    private Outbox outbox;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        database = Database.open(Optional.empty(), dataDirectory);
        outbox = new Outbox(database);
        receiver = new WebhookReceiver(SECRET, clock).start();
        log.start();
        ((Logger) LoggerFactory.getLogger(DeliveryWorker.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(DeliveryWorker.class)).detachAppender(log);
        receiver.close();
        database.close();
    }

    private DeliveryWorker worker(List<Destination> destinations, int refusals, String owner) {
        handOffs = new HandOffs(new HandOffRepository(database), KeyRing.parse(keys), Fixtures.ENGINEERS,
                destinations.stream().map(Destination::name).toList(), HandOffPolicy.DEFAULT, clock, new SecureRandom());
        return new DeliveryWorker(outbox, handOffs, destinations, new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10),
                new Random(7)), new DeliveryWorker.Settings(Duration.ofMinutes(2), 20, refusals), clock, owner);
    }

    private WebhookDestination webhook() {
        return webhook(Duration.ofMillis(500));
    }

    private WebhookDestination webhook(Duration timeout) {
        return new WebhookDestination(receiver.url(), new WebhookSigner(SECRET), timeout, clock);
    }

    @Test
    void postsASignedBodyThatFollowsTheDocumentedSchema() throws Exception {
        DeliveryWorker worker = worker(List.of(webhook()), 5, "w1");
        HandOff handOff = handOffs.submit(Fixtures.submission(
                SessionKey.onBehalf(Platform.TEAMS, "tenant-1", "agent-1", "customer-1"), 3));

        assertThat(worker.runOnce()).isEqualTo(1);

        assertThat(receiver.badSignatures()).isEmpty();
        JsonNode body = new ObjectMapper().readTree(receiver.accepted().get(handOff.id()));
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("reference").asText()).isEqualTo(handOff.reference());
        assertThat(body.at("/store/hash").asText()).isEqualTo("abc123");
        assertThat(body.at("/store/name").asText()).isEqualTo("Plant Parlour");
        assertThat(body.get("direction").asText()).isEqualTo("TO_BIGCOMMERCE");
        assertThat(body.get("dataSets").toString()).isEqualTo("[\"PRODUCTS\",\"ORDERS\"]");
        assertThat(body.at("/report/scopes/0/status").asText()).isEqualTo("GRANTED");
        assertThat(body.at("/submitter/merchant").asText()).isEqualTo("customer-1");
        assertThat(body.at("/submitter/agent").asText()).isEqualTo("agent-1");
        assertThat(body.get("submittedAt").asText()).isEqualTo(T0.toString());
        assertThat(body.at("/credentials/accessToken").asText()).isEqualTo(TOKEN);
        assertThat(body.at("/credentials/apiPath").asText()).isEqualTo("https://api.bigcommerce.com/stores/abc123/v3/");
        assertThat(outbox.entriesOf(handOff.id())).singleElement().satisfies(e -> assertThat(e.deliveredAt()).contains(T0));
        assertThat(worker.runOnce()).isZero();
    }

    @Test
    void aReceiverRejectsASignatureOlderThanFiveMinutes() {
        WebhookSigner signer = new WebhookSigner(SECRET);
        long sent = T0.getEpochSecond();
        String body = "{\"version\":1}";

        assertThat(WebhookReceiver.verify(SECRET, Long.toString(sent), body, signer.sign(sent, body), sent + 299)).isTrue();
        assertThat(WebhookReceiver.verify(SECRET, Long.toString(sent), body, signer.sign(sent, body), sent + 301)).isFalse();
        assertThat(WebhookReceiver.verify(SECRET, Long.toString(sent), body + " ", signer.sign(sent, body), sent)).isFalse();
    }

    @Test
    void waitsOutAnOutageSlownessServerErrorsAndRateLimitsThenDeliversExactlyOnce() throws Exception {
        DeliveryWorker worker = worker(List.of(webhook()), 5, "w1");
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        receiver.down();

        assertThat(worker.runOnce()).as("receiver down").isZero();
        assertThat(outbox.entriesOf(handOff.id()).get(0).lastError()).contains("ConnectException");
        receiver.start();
        // Slow: our client gives up after 500 ms, but the receiver still takes it in after 1.5 s.
        receiver.script(new Answer(200, null, 1500), Answer.status(500), Answer.status(503),
                new Answer(429, "120", 0));
        clock.advance(Duration.ofMinutes(10));
        assertThat(worker.runOnce()).as("too slow").isZero();
        Thread.sleep(1600);
        assertThat(receiver.accepted()).as("the slow answer arrived after our timeout").containsKey(handOff.id());
        for (int attempt = 0; attempt < 3; attempt++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(worker.runOnce()).isZero();
        }

        clock.advance(Duration.ofSeconds(119));
        assertThat(worker.runOnce()).as("Retry-After: 120 is honoured").isZero();
        assertThat(receiver.requests()).isEqualTo(4);
        clock.advance(Duration.ofSeconds(2));
        assertThat(worker.runOnce()).isEqualTo(1);

        assertThat(receiver.accepted()).containsOnlyKeys(handOff.id());
        assertThat(receiver.repeats()).as("the repeat after the timeout, dropped by Idempotency-Key").isEqualTo(1);
        assertThat(receiver.badSignatures()).isEmpty();
        OutboxEntry entry = outbox.entriesOf(handOff.id()).get(0);
        assertThat(entry.attempts()).isEqualTo(6);
        assertThat(entry.deliveredAt()).isPresent();
        clock.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).isZero();
        assertThat(receiver.requests()).as("the outage reached nobody").isEqualTo(5);
    }

    @Test
    void backsOffExponentiallyWithJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), new Random(1));
        List<Duration> delays = new ArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            delays.add(backoff.delay(failures));
        }
        for (int i = 0; i < delays.size(); i++) {
            long full = Math.min(600_000, 10_000L << i);
            assertThat(delays.get(i).toMillis()).isBetween(full / 2, full);
        }
    }

    @Test
    void aRefusalIsTriedAFewTimesThenGivenUpLoudlyWithoutTheSecret() {
        DeliveryWorker worker = worker(List.of(webhook()), 3, "w1");
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        receiver.script(Answer.status(400), Answer.status(404), Answer.status(422), Answer.status(200));

        for (int attempt = 0; attempt < 5; attempt++) {
            worker.runOnce();
            clock.advance(Duration.ofHours(1));
        }

        OutboxEntry entry = outbox.entriesOf(handOff.id()).get(0);
        assertThat(entry.givenUpAt()).isPresent();
        assertThat(entry.lastError()).contains("HTTP 422");
        assertThat(receiver.requests()).isEqualTo(3);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("GAVE UP") && line.contains(handOff.reference()))
                .noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void aBacklogLargerThanABatchIsDeliveredInOneDrain() {
        List<HandOffNotice> received = new ArrayList<>();
        HandOffNotifier channel = notifier("slack", received::add);
        DeliveryWorker worker = worker(List.of(Destination.of(channel)), 5, "w1");
        for (int i = 0; i < 45; i++) {
            handOffs.submit(Fixtures.submission(MERCHANT, i + 1));
        }

        assertThat(worker.drain(50)).isEqualTo(45);
        assertThat(received).hasSize(45);
        assertThat(worker.drain(50)).as("nothing left due").isZero();
    }

    @Test
    void aNotifierThatThrowsIsTriedAgainAndGetsTheMaskedNoticeOnly() {
        List<HandOffNotice> received = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HandOffNotifier flaky = notifier("slack", notice -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("channel_not_found");
            }
            received.add(notice);
        });
        DeliveryWorker worker = worker(List.of(Destination.of(flaky)), 5, "w1");
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        for (int i = 0; i < 5; i++) {
            worker.runOnce();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(received).singleElement().satisfies(notice -> {
            assertThat(notice.reference()).isEqualTo(handOff.reference());
            assertThat(notice.toString()).doesNotContain(TOKEN);
        });
        assertThat(outbox.entriesOf(handOff.id()).get(0).attempts()).isEqualTo(3);
    }

    @Test
    void workersOfSeveralInstancesDeliverEachHandOffOnce() throws Exception {
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        HandOffNotifier counting = notifier("teams",
                notice -> deliveries.computeIfAbsent(notice.handOffId(), id -> new AtomicInteger()).incrementAndGet());
        int instances = 6;
        List<DeliveryWorker> workers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            // A generous timeout: six workers on two cores must not time out and cause a (legitimate) repeat.
            workers.add(worker(List.of(Destination.of(counting), webhook(Duration.ofSeconds(10))), 5, "instance-" + i));
        }
        int handOffCount = 30;
        for (int i = 0; i < handOffCount; i++) {
            handOffs.submit(Fixtures.submission(MERCHANT, i + 1));
        }

        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (DeliveryWorker worker : workers) {
                runs.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < 10; round++) {
                        worker.runOnce();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(deliveries).hasSize(handOffCount).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
        assertThat(receiver.accepted()).hasSize(handOffCount);
        assertThat(receiver.repeats()).isZero();
        assertThat(outbox.pending()).isZero();
    }

    /** An engineers' channel named {@code destination} that hands each notice to {@code deliver}. */
    private static HandOffNotifier notifier(String destination, Consumer<HandOffNotice> deliver) {
        return new HandOffNotifier() {
            @Override
            public String destination() {
                return destination;
            }

            @Override
            public void deliver(HandOffNotice notice) {
                deliver.accept(notice);
            }
        };
    }
}
