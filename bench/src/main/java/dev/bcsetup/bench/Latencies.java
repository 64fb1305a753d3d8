package dev.bcsetup.bench;

import java.util.Arrays;

/** Acknowledgement times of one phase, in nanoseconds, merged from every simulated merchant. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long took) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = took;
    }

    /** Adds every time {@code other} holds. */
    void addAll(Latencies other) {
        long[] theirs;
        synchronized (other) {
            theirs = Arrays.copyOf(other.nanos, other.count);
        }
        for (long took : theirs) {
            add(took);
        }
    }

    synchronized int count() {
        return count;
    }

    /** The {@code percentile} (0-100) in milliseconds, nearest rank. */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(index, count - 1))] / 1_000_000.0;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nanos[i]);
        }
        return max / 1_000_000.0;
    }
}
