package dev.bcsetup.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds any of many secrets (and their encodings) in text or bytes in one pass: a rolling hash of every window as
 * long as the shortest needle is looked up in a table of the needles' openings, and only a hit is compared in full.
 * Scanning a hundred thousand log lines for hundreds of secrets stays a matter of a second or two.
 */
final class SecretScanner {

    private static final long BASE = 1_000_003L;

    /** A needle and what it stands for ("access token, URL-encoded"). */
    private record Needle(String text, String label) {
    }

    private final List<Needle> needles = new ArrayList<>();
    private Index index;
    private long scannedChars;

    /** Looks for {@code needle} from now on, reporting it as {@code label}; needles shorter than 8 characters are refused. */
    synchronized SecretScanner add(String label, String needle) {
        if (needle.length() < 8) {
            throw new IllegalArgumentException(label + " is too short to scan for without false alarms");
        }
        needles.add(new Needle(needle, label));
        index = null;
        return this;
    }

    /** The labels of every needle in {@code text}, each once, in the order found. */
    Set<String> find(CharSequence text) {
        Index current;
        synchronized (this) {
            scannedChars += text.length();
            if (index == null) {
                index = new Index(needles);
            }
            current = index;
        }
        return current.find(text);
    }

    /** As {@link #find(CharSequence)} over raw bytes, each byte one character, so ASCII and UTF-8 needles match. */
    Set<String> find(byte[] bytes) {
        return find(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Characters (or bytes) looked through so far. */
    synchronized long scannedChars() {
        return scannedChars;
    }

    /** The needles by the hash of their first {@code width} characters, in an open-addressed table of longs. */
    private static final class Index {
        private final int width;
        private final long power;
        private final long[] table;
        private final boolean[] used;
        private final Map<Long, List<Needle>> byOpening = new HashMap<>();

        Index(List<Needle> needles) {
            width = needles.stream().mapToInt(n -> n.text().length()).min().orElse(1);
            long p = 1;
            for (int i = 1; i < width; i++) {
                p *= BASE;
            }
            power = p;
            int size = Integer.highestOneBit(Math.max(4, needles.size() * 4)) * 2;
            table = new long[size];
            used = new boolean[size];
            for (Needle needle : needles) {
                long hash = hash(needle.text(), width);
                byOpening.computeIfAbsent(hash, h -> new ArrayList<>()).add(needle);
                int slot = slot(hash);
                while (used[slot] && table[slot] != hash) {
                    slot = (slot + 1) & (table.length - 1);
                }
                used[slot] = true;
                table[slot] = hash;
            }
        }

        Set<String> find(CharSequence text) {
            Set<String> found = new LinkedHashSet<>();
            if (byOpening.isEmpty() || text.length() < width) {
                return found;
            }
            long rolling = hash(text, width);
            for (int start = 0; ; start++) {
                if (contains(rolling)) {
                    for (Needle needle : byOpening.get(rolling)) {
                        if (matchesAt(text, start, needle.text())) {
                            found.add(needle.label());
                        }
                    }
                }
                if (start + width >= text.length()) {
                    return found;
                }
                rolling = (rolling - text.charAt(start) * power) * BASE + text.charAt(start + width);
            }
        }

        private boolean contains(long hash) {
            int slot = slot(hash);
            while (used[slot]) {
                if (table[slot] == hash) {
                    return true;
                }
                slot = (slot + 1) & (table.length - 1);
            }
            return false;
        }

        private int slot(long hash) {
            long mixed = hash * 0x9E3779B97F4A7C15L;
            return (int) (mixed >>> 40) & (table.length - 1);
        }

        private static long hash(CharSequence text, int length) {
            long hash = 0;
            for (int i = 0; i < length; i++) {
                hash = hash * BASE + text.charAt(i);
            }
            return hash;
        }

        private static boolean matchesAt(CharSequence text, int start, String needle) {
            if (start + needle.length() > text.length()) {
                return false;
            }
            for (int i = 0; i < needle.length(); i++) {
                if (text.charAt(start + i) != needle.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
