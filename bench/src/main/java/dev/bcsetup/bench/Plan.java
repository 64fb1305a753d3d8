package dev.bcsetup.bench;

import java.time.Duration;

/** How long and how hard each part runs: the default run, or the one-minute smoke run. */
record Plan(boolean quick, int merchants, Duration warmup, Duration humanPace, Duration flatOut,
            int validations, int sessions, int starts) {

    static Plan standard() {
        return new Plan(false, 100, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(12), 12, 100_000, 3);
    }

    static Plan smoke() {
        return new Plan(true, 100, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2), 2, 100_000, 1);
    }
}
