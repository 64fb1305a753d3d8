package dev.bcsetup.fault;

import java.time.Duration;

/** The time a fake takes to answer, as the real service's network and work would. */
public final class Latency {

    private Latency() {
    }

    /** Waits {@code latency} (nothing when zero); an interrupt ends the wait early and stays set. */
    public static void take(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
