package dev.bcsetup.handoff;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: the n-th failure waits between half and all of {@code base * 2^(n-1)},
 * at most {@code max}, so instances that failed together do not retry together.
 */
public record Backoff(Duration base, Duration max, Random random) {

    public static Backoff standard(Random random) {
        return new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), random);
    }

    public Duration delay(int failures) {
        long baseMillis = base.toMillis();
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long full = Math.min(max.toMillis(), baseMillis * (1L << doublings));
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (full - half)));
    }
}
