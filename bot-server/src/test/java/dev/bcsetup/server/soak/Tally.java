package dev.bcsetup.server.soak;

import dev.bcsetup.conversation.Platform;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the merchants did and met, counted as they go: every request with its answer and how long the bot took,
 * the failures they were shown, and every journey with what it saw.
 */
final class Tally {

    /** Slack and Teams want an acknowledgement within 3 s. */
    static final long ACK_LIMIT_MS = 3_000;
    /** A Teams dialog answer that waits for the live check may take longer; Teams gives an invoke about 15 s. */
    static final long DIALOG_LIMIT_MS = 15_000;

    private final Map<Platform, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder noAnswer = new LongAdder();
    private final Map<Platform, LongAdder> slowAcks = new ConcurrentHashMap<>();
    private final LongAdder slowDialogs = new LongAdder();
    private final Map<Platform, AtomicLong> slowestAck = new ConcurrentHashMap<>();
    private final AtomicLong slowestDialog = new AtomicLong();
    private final Queue<Journey> journeys = new ConcurrentLinkedQueue<>();
    private final Queue<String> stumbles = new ConcurrentLinkedQueue<>();
    /** Each slow answer: when it was asked ({@link System#nanoTime}), how long it took, the platform, 1 if a dialog submission. */
    private final Queue<long[]> slowTimes = new ConcurrentLinkedQueue<>();
    /** When each 5xx came ({@link System#nanoTime}) and its status. */
    private final Queue<long[]> serverErrorTimes = new ConcurrentLinkedQueue<>();

    /** A request the bot answered; {@code dialog} when it is a Teams dialog submission that may wait for the live check. */
    void answered(Platform platform, int status, long millis, boolean dialog) {
        requests.computeIfAbsent(platform, p -> new LongAdder()).increment();
        statuses.computeIfAbsent(platform + " " + status, s -> new LongAdder()).increment();
        if (status >= 500) {
            serverErrors.increment();
            serverErrorTimes.add(new long[] {System.nanoTime(), status});
        }
        if (millis > (dialog ? DIALOG_LIMIT_MS : ACK_LIMIT_MS)) {
            slowTimes.add(new long[] {System.nanoTime() - millis * 1_000_000, millis, platform.ordinal(), dialog ? 1 : 0});
        }
        if (dialog) {
            slowestDialog.accumulateAndGet(millis, Math::max);
            if (millis > DIALOG_LIMIT_MS) {
                slowDialogs.increment();
            }
        } else {
            slowestAck.computeIfAbsent(platform, p -> new AtomicLong()).accumulateAndGet(millis, Math::max);
            if (millis > ACK_LIMIT_MS) {
                slowAcks.computeIfAbsent(platform, p -> new LongAdder()).increment();
            }
        }
    }

    /** A request the bot did not answer in time (or whose connection failed). */
    void unanswered(Platform platform) {
        requests.computeIfAbsent(platform, p -> new LongAdder()).increment();
        statuses.computeIfAbsent(platform + " no answer", s -> new LongAdder()).increment();
        noAnswer.increment();
    }

    /** A failure a merchant was shown or met, by kind: an error message, a failed click, nothing shown. */
    void failure(Journey journey, String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        journey.trouble(kind);
    }

    /** The soak's own mistake, not the bot's (a merchant pressed a button that was not there): kept to be fixed. */
    void stumbled(Journey journey, Throwable e) {
        failure(journey, "merchant stumbled: " + e.getClass().getSimpleName());
        if (stumbles.size() < 5) {
            stumbles.add(journey.label + ": " + e);
        }
    }

    List<String> stumbles() {
        return List.copyOf(stumbles);
    }

    void journey(Journey journey) {
        journeys.add(journey);
    }

    List<Journey> journeys() {
        return List.copyOf(journeys);
    }

    long requests(Platform platform) {
        LongAdder count = requests.get(platform);
        return count == null ? 0 : count.sum();
    }

    long serverErrors() {
        return serverErrors.sum();
    }

    /** The answers over their limit: when asked ({@link System#nanoTime}), milliseconds, platform ordinal, 1 if a dialog. */
    List<long[]> slowTimes() {
        return List.copyOf(slowTimes);
    }

    /** The 5xx answers, as when ({@link System#nanoTime}) and status. */
    List<long[]> serverErrorTimes() {
        return List.copyOf(serverErrorTimes);
    }

    long noAnswer() {
        return noAnswer.sum();
    }

    /** Answers slower than {@link #ACK_LIMIT_MS} on {@code platform} (Teams dialog submissions aside). */
    long slowAcks(Platform platform) {
        LongAdder count = slowAcks.get(platform);
        return count == null ? 0 : count.sum();
    }

    long slowDialogs() {
        return slowDialogs.sum();
    }

    long slowestAckMillis(Platform platform) {
        AtomicLong slowest = slowestAck.get(platform);
        return slowest == null ? 0 : slowest.get();
    }

    long slowestDialogMillis() {
        return slowestDialog.get();
    }

    Map<String, Long> statuses() {
        Map<String, Long> sorted = new TreeMap<>();
        statuses.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    Map<String, Long> failures() {
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
