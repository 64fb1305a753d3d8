package dev.bcsetup.handoff;

import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.store.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox entries: claims each with a lease, delivers it, and records the result in the same
 * row. Any number of workers, in any number of instances, may run against one database. A crash between a
 * destination's acceptance and our commit makes a repeat possible; the webhook's Idempotency-Key lets the
 * receiver drop it.
 */
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final HandOffs handOffs;
    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Backoff backoff;
    private final Settings settings;
    private final Clock clock;
    private final String owner;
    /** Deliveries a destination accepted but the database did not record (it went away), with when they happened. */
    private final Map<OutboxEntry, Instant> unrecorded = new ConcurrentHashMap<>();

    /** How a worker paces itself; {@code refusalsBeforeGivingUp} counts 4xx answers before an entry is abandoned. */
    public record Settings(Duration lease, int batch, int refusalsBeforeGivingUp) {
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(2), 20, 5);
    }

    public DeliveryWorker(Outbox outbox, HandOffs handOffs, List<Destination> destinations, Backoff backoff,
                          Settings settings, Clock clock, String owner) {
        this.outbox = outbox;
        this.handOffs = handOffs;
        destinations.forEach(d -> {
            if (this.destinations.put(d.name(), d) != null) {
                throw new IllegalArgumentException("two destinations are named " + d.name());
            }
        });
        this.backoff = backoff;
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
    }

    /** The names new hand-offs get an outbox entry for. */
    public List<String> destinationNames() {
        return List.copyOf(destinations.keySet());
    }

    /**
     * Delivers what is due now, one batch; returns how many entries were delivered. Deliveries not yet recorded are
     * recorded first, so an entry whose destination already has it is not claimed and sent again.
     */
    public int runOnce() {
        recordUnrecorded();
        List<OutboxEntry> claimed = outbox.claim(destinations.keySet(), owner, now(), settings.lease(), settings.batch());
        int delivered = 0;
        for (OutboxEntry entry : claimed) {
            delivered += deliver(entry) ? 1 : 0;
        }
        return delivered;
    }

    private boolean deliver(OutboxEntry entry) {
        Destination destination = destinations.get(entry.destination());
        Optional<HandOff> handOff = handOffs.find(entry.handOffId());
        if (handOff.isEmpty()) {
            outbox.giveUp(entry, owner, now(), "the hand-off record is missing");
            return false;
        }
        DeliveryResult result;
        try {
            Optional<Credentials> credentials = handOffs.credentials(handOff.get());
            HandOffNotice notice = handOffs.notice(entry.handOffId()).orElseThrow();
            result = destination.deliver(new Destination.Parcel(handOff.get(), notice, credentials));
        } catch (RuntimeException e) {
            result = new DeliveryResult.Retry(Optional.empty(), e.getClass().getSimpleName());
        }
        String reference = handOff.get().reference();
        if (result instanceof DeliveryResult.Delivered) {
            Instant at = now();
            boolean recorded;
            try {
                recorded = outbox.delivered(entry, owner, at);
            } catch (StorageException e) {
                unrecorded.put(entry, at);
                LOG.warn("Delivered hand-off {} to {}, but could not record it ({}); recording it once storage answers",
                        reference, entry.destination(), e.getMessage());
                return true;
            }
            if (!recorded) {
                LOG.warn("Delivered hand-off {} to {}, but our lease had run out: it may be delivered again", reference,
                        entry.destination());
            } else {
                LOG.info("Delivered hand-off {} to {} (attempt {})", reference, entry.destination(), entry.attempts());
            }
            return true;
        }
        if (result instanceof DeliveryResult.Retry retry) {
            Duration wait = retry.after().orElseGet(() -> backoff.delay(entry.attempts()));
            outbox.retryAt(entry, owner, now().plus(wait), retry.reason());
            LOG.warn("Hand-off {} to {} failed ({}), attempt {}; next try in {} s", reference, entry.destination(),
                    retry.reason(), entry.attempts(), wait.toSeconds());
            return false;
        }
        DeliveryResult.Refused refused = (DeliveryResult.Refused) result;
        if (entry.attempts() >= settings.refusalsBeforeGivingUp()) {
            outbox.giveUp(entry, owner, now(), refused.reason());
            LOG.error("GAVE UP delivering hand-off {} to {} after {} attempts: {}. The migration team must fetch it by"
                    + " hand (reveal it by its reference)", reference, entry.destination(), entry.attempts(), refused.reason());
        } else {
            Duration wait = backoff.delay(entry.attempts());
            outbox.retryAt(entry, owner, now().plus(wait), refused.reason());
            LOG.error("Hand-off {} refused by {} ({}), attempt {} of {}; trying again in {} s", reference,
                    entry.destination(), refused.reason(), entry.attempts(), settings.refusalsBeforeGivingUp(), wait.toSeconds());
        }
        return false;
    }

    private void recordUnrecorded() {
        for (Map.Entry<OutboxEntry, Instant> pending : unrecorded.entrySet()) {
            OutboxEntry entry = pending.getKey();
            if (outbox.delivered(entry, owner, pending.getValue())) {
                LOG.info("Recorded the earlier delivery of hand-off {} to {}", entry.handOffId(), entry.destination());
            } else {
                LOG.warn("Hand-off {} reached {} earlier, but another worker took the entry over meanwhile: it may be"
                        + " delivered again", entry.handOffId(), entry.destination());
            }
            unrecorded.remove(entry);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
