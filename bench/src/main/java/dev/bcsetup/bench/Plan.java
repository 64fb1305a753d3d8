package dev.bcsetup.bench;

import java.time.Duration;

/**
 * How long and how hard each part runs: the default run, or the one-minute smoke run. The human-pace and flat-out
 * times are each side's total, split into {@code rounds} that alternate between the baseline and the bot.
 */
record Plan(boolean quick, int merchants, Duration warmup, Duration humanPace, Duration flatOut, int rounds,
            int validations, int sessions, int starts) {

    static Plan standard() {
        return new Plan(false, 100, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(12), 4, 12, 100_000, 3);
    }

    /**
     * Shorter phases for the comparison against a Bot Connector that takes its real time: the figures there are
     * hundreds of milliseconds apart, not a few per cent, and the warm-up has already been run.
     */
    Plan slowConnector() {
        return quick ? this : new Plan(false, merchants, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(6), 2,
                validations, sessions, starts);
    }

    static Plan smoke() {
        return new Plan(true, 100, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2), 1, 2, 100_000, 1);
    }
}
