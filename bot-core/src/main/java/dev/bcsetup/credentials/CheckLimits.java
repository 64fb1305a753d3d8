package dev.bcsetup.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * How many live checks against BigCommerce one setup and one store may ask for in a sliding window, so the
 * bot never becomes an oracle for guessing tokens: a guesser gets a few tries per setup and a store a few
 * dozen in all, whoever sends them. Counted in this instance's memory; with several instances each counts
 * its own share.
 */
public final class CheckLimits {

    /** At most this many live checks per setup per {@link #STANDARD_WINDOW}. */
    public static final int STANDARD_PER_SETUP = 5;
    /** At most this many live checks per store hash per {@link #STANDARD_WINDOW}, across every setup. */
    public static final int STANDARD_PER_STORE = 20;
    public static final Duration STANDARD_WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final int perSetup;
    private final int perStore;
    private final Duration window;
    private final Cache<Object, Deque<Instant>> attempts;

    public CheckLimits(Clock clock, int perSetup, int perStore, Duration window) {
        if (perSetup < 1 || perStore < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limits and window must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perSetup = perSetup;
        this.perStore = perStore;
        this.window = window;
        // Idle counters go once their window has passed; the bound keeps a flood of made-up hashes from filling memory,
        // at worst forgetting the oldest counters.
        this.attempts = Caffeine.newBuilder()
                .ticker(clockTicker(clock))
                .expireAfterAccess(window)
                .maximumSize(200_000)
                .build();
    }

    /** 5 checks per setup and 20 per store in any hour. */
    public static CheckLimits standard(Clock clock) {
        return new CheckLimits(clock, STANDARD_PER_SETUP, STANDARD_PER_STORE, STANDARD_WINDOW);
    }

    /**
     * Takes one live check for {@code setup} (any value identifying it) against {@code store}, or says when the
     * next one is allowed. A refused attempt is not counted.
     */
    public synchronized Decision tryAcquire(Object setup, StoreHash store) {
        Instant now = clock.instant();
        Deque<Instant> bySetup = recent(new SetupCounter(setup), now);
        Deque<Instant> byStore = recent(new StoreCounter(store.value()), now);
        Optional<Instant> retryAt = Optional.empty();
        if (bySetup.size() >= perSetup) {
            retryAt = Optional.of(bySetup.peekFirst().plus(window));
        }
        if (byStore.size() >= perStore) {
            Instant storeFree = byStore.peekFirst().plus(window);
            retryAt = Optional.of(retryAt.filter(at -> at.isAfter(storeFree)).orElse(storeFree));
        }
        if (retryAt.isPresent()) {
            return new Decision.Refused(retryAt.get());
        }
        bySetup.addLast(now);
        byStore.addLast(now);
        return new Decision.Allowed(new Permit(this, bySetup, byStore, now));
    }

    /**
     * Gives back the newest check counted for {@code setup} and for {@code store}: one that told nothing about the
     * credentials (BigCommerce did not answer) or whose result we could not keep, so the merchant is not held back
     * for someone else's outage.
     */
    public synchronized void refund(Object setup, StoreHash store) {
        Optional.ofNullable(attempts.getIfPresent(new SetupCounter(setup))).ifPresent(Deque::pollLast);
        Optional.ofNullable(attempts.getIfPresent(new StoreCounter(store.value()))).ifPresent(Deque::pollLast);
    }

    private Deque<Instant> recent(Object counter, Instant now) {
        Deque<Instant> times = attempts.get(counter, c -> new ArrayDeque<>());
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
        return times;
    }

    private synchronized void release(Permit permit) {
        permit.bySetup.removeLastOccurrence(permit.at);
        permit.byStore.removeLastOccurrence(permit.at);
    }

    private static Ticker clockTicker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    private record SetupCounter(Object setup) {
    }

    private record StoreCounter(String hash) {
    }

    /** Whether a live check may run now. */
    public sealed interface Decision {

        /** It may; release the permit if the check is not started after all. */
        record Allowed(Permit permit) implements Decision {
        }

        /** Over a limit: the next check is allowed at {@code retryAt}. */
        record Refused(Instant retryAt) implements Decision {
        }
    }

    /** One counted check; {@link #release} gives it back when the check never ran (a lost race to save). */
    public static final class Permit {

        private final CheckLimits limits;
        private final Deque<Instant> bySetup;
        private final Deque<Instant> byStore;
        private final Instant at;

        private Permit(CheckLimits limits, Deque<Instant> bySetup, Deque<Instant> byStore, Instant at) {
            this.limits = limits;
            this.bySetup = bySetup;
            this.byStore = byStore;
            this.at = at;
        }

        public void release() {
            limits.release(this);
        }
    }
}
