package dev.bcsetup.server.soak;

import java.time.Duration;

/**
 * How many merchants a soak runs, for how long, and how its faults are paced. {@code load} is the time new journeys
 * start; after it, journeys under way may finish and the outbox may drain for at most {@code drain}, then the server
 * idles for {@code settle} (longer than its pools keep idle threads) before its heap and threads are read for the last
 * time. The heap is sampled every {@code sampleEvery}, beside an idle copy of the server when {@code idleBaseline}.
 * A merchant waits {@code patience} for the bot to answer a press before trying again.
 */
public record SoakPlan(int merchants, Duration load, Duration lead, Duration fault, Duration quiet, Duration drain,
                       Duration settle, Duration sampleEvery, Duration patience, boolean idleBaseline, long seed) {

    /** The bench: 100 merchants for {@code load}, each fault 20 s with 10 s of quiet after, an idle server beside. */
    public static SoakPlan bench(Duration load) {
        return new SoakPlan(100, load, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofMinutes(6), Duration.ofSeconds(70), Duration.ofSeconds(15), Duration.ofSeconds(8), true, 8);
    }

    /** The short soak of {@code mvn verify}: 50 merchants for 70 s, every kind of fault once for 5 s. */
    public static SoakPlan ci() {
        return new SoakPlan(50, Duration.ofSeconds(70), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofMinutes(3), Duration.ofSeconds(62), Duration.ofSeconds(5), Duration.ofSeconds(10), false, 8);
    }

    /** How long a merchant waits before trying again after BigCommerce could not be reached: past most of an outage. */
    Duration bigCommercePause() {
        return fault;
    }
}
