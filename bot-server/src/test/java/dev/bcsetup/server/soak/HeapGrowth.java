package dev.bcsetup.server.soak;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The classes whose share of the heap grew the most between two class histograms of the server. */
final class HeapGrowth {

    private static final int SHOWN = 8;

    private HeapGrowth() {
    }

    /** The biggest growers, each as "class +bytes (+instances)". */
    static List<String> between(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> growth = new HashMap<>();
        after.forEach((name, now) -> {
            long[] then = before.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {now[0] - then[0], now[1] - then[1]});
        });
        return growth.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .limit(SHOWN)
                .map(e -> String.format("%s %+.1f KB (%+,d)", e.getKey(), e.getValue()[0] / 1024.0, e.getValue()[1]))
                .toList();
    }
}
