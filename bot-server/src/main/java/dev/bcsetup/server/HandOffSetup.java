package dev.bcsetup.server;

import dev.bcsetup.handoff.Backoff;
import dev.bcsetup.handoff.DeliveryWorker;
import dev.bcsetup.handoff.Destination;
import dev.bcsetup.handoff.Engineers;
import dev.bcsetup.handoff.HandOffNotifier;
import dev.bcsetup.handoff.HandOffRepository;
import dev.bcsetup.handoff.HandOffs;
import dev.bcsetup.handoff.KeyRing;
import dev.bcsetup.handoff.LogHandOffNotifier;
import dev.bcsetup.handoff.Outbox;
import dev.bcsetup.handoff.WebhookDestination;
import dev.bcsetup.handoff.WebhookSigner;
import dev.bcsetup.store.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off machinery of one instance: the key ring, the {@link HandOffs} service, the outbox worker that
 * delivers to the webhook and every engineers' channel, and the purge and re-encryption jobs.
 */
final class HandOffSetup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffSetup.class);
    /** At most this many batches of deliveries per poll, so a backlog is worked off without waiting for the next. */
    private static final int DRAIN_BATCHES = 50;
    /** How often the outbox is polled for due deliveries. */
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than one webhook attempt can take, so a live worker never loses its lease. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final HandOffs handOffs;
    private final List<String> destinations;
    private final ScheduledExecutorService jobs;

    private HandOffSetup(HandOffs handOffs, List<String> destinations, ScheduledExecutorService jobs) {
        this.handOffs = handOffs;
        this.destinations = destinations;
        this.jobs = jobs;
    }

    /**
     * Starts delivering to the webhook (if configured) and to every notifier; in local mode with none of
     * them, to the log.
     */
    static HandOffSetup start(Config config, Database database, List<HandOffNotifier> notifiers, Clock clock,
                              SecureRandom random) {
        KeyRing keys = config.credentialsKey().map(key -> KeyRing.parse(key.value()))
                .orElseGet(() -> KeyRing.loadOrCreate(config.dataDirectory().resolve("credentials.key"), random, clock));
        List<Destination> destinations = new ArrayList<>();
        config.handoffWebhook().ifPresent(webhook -> destinations.add(new WebhookDestination(webhook.url(),
                new WebhookSigner(webhook.secret().value()), WEBHOOK_TIMEOUT, clock)));
        notifiers.forEach(notifier -> destinations.add(Destination.of(notifier)));
        if (destinations.isEmpty() && config.localMode()) {
            destinations.add(Destination.of(new LogHandOffNotifier()));
        }
        List<String> names = destinations.stream().map(Destination::name).toList();
        HandOffs handOffs = new HandOffs(new HandOffRepository(database), keys, new Engineers(config.engineers()), names,
                config.handOffPolicy(), clock, random);
        byte[] id = new byte[6];
        random.nextBytes(id);
        DeliveryWorker worker = new DeliveryWorker(new Outbox(database), handOffs, destinations, Backoff.standard(random),
                new DeliveryWorker.Settings(LEASE, 20, 5), clock, "instance-" + HexFormat.of().formatHex(id));

        ScheduledExecutorService jobs = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "hand-offs");
            thread.setDaemon(true);
            return thread;
        });
        jobs.scheduleWithFixedDelay(() -> guarded("deliver hand-offs", () -> worker.drain(DRAIN_BATCHES)), 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        jobs.scheduleWithFixedDelay(() -> guarded("purge hand-off secrets", handOffs::purgeDue), 0, 10, TimeUnit.MINUTES);
        // At start-up (after a key rotation), then daily for records written by instances still on the old key.
        jobs.scheduleWithFixedDelay(() -> guarded("re-encrypt hand-off secrets", handOffs::resealWithPrimaryKey),
                0, 24, TimeUnit.HOURS);
        return new HandOffSetup(handOffs, names, jobs);
    }

    HandOffs handOffs() {
        return handOffs;
    }

    /** Where new hand-offs go, for the start-up report. */
    List<String> destinations() {
        return destinations;
    }

    @Override
    public void close() {
        jobs.shutdownNow();
    }

    private static void guarded(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // The next run tries again; the message names the database, never a secret.
            LOG.warn("Could not {} this time: {}", job, e.getMessage());
        }
    }
}
