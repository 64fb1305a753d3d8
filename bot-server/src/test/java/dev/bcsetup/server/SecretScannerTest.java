package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scanner the secret scans rely on finds every needle wherever it sits, and nothing that is not there. */
class SecretScannerTest {

    private final SecretScanner scanner = new SecretScanner()
            .add("token", "abcdefghij0123456789klmnopqrstu")
            .add("short", "xoxb-1234")
            .add("long", "Q".repeat(100) + "!");

    @Test
    void findsNeedlesAtTheStartInTheMiddleAndAtTheEnd() {
        assertThat(scanner.find("abcdefghij0123456789klmnopqrstu and more")).containsExactly("token");
        assertThat(scanner.find("before xoxb-1234 after")).containsExactly("short");
        assertThat(scanner.find("ends with " + "Q".repeat(100) + "!")).containsExactly("long");
        assertThat(scanner.find("xoxb-1234abcdefghij0123456789klmnopqrstu")).containsExactly("short", "token");
        assertThat(scanner.find("xoxb-1234".getBytes(StandardCharsets.UTF_8))).containsExactly("short");
    }

    @Test
    void findsNothingInNearMisses() {
        assertThat(scanner.find("abcdefghij0123456789klmnopqrst")).isEmpty();
        assertThat(scanner.find("xoxb-123")).isEmpty();
        assertThat(scanner.find("Q".repeat(500))).isEmpty();
        assertThat(scanner.find("")).isEmpty();
    }

    @Test
    void agreesWithContainsOnRandomText() {
        Random random = new Random(42);
        SecretScanner many = new SecretScanner();
        String[] needles = new String[200];
        for (int i = 0; i < needles.length; i++) {
            needles[i] = random(random, 8 + random.nextInt(40));
            many.add("needle " + i, needles[i]);
        }
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder(random(random, random.nextInt(300)));
            int planted = random.nextInt(needles.length);
            text.insert(random.nextInt(text.length() + 1), needles[planted]);
            String haystack = text.toString();
            for (int i = 0; i < needles.length; i++) {
                assertThat(many.find(haystack).contains("needle " + i)).as("needle %s in %s", i, haystack)
                        .isEqualTo(haystack.contains(needles[i]));
            }
        }
        assertThat(many.scannedChars()).isPositive();
    }

    @Test
    void refusesNeedlesTooShortToMeanAnything() {
        assertThatThrownBy(() -> scanner.add("tiny", "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String random(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("ab01 %\u00e9".charAt(random.nextInt(7)));
        }
        return text.toString();
    }
}
