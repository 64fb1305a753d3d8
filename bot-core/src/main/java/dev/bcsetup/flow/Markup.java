package dev.bcsetup.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * The flow's small text markup, parsed once here so every renderer (Block Kit, Adaptive Cards, HTML)
 * reads the same structure: blocks split by blank lines, "- " lines as bullets, {@code **bold**} spans.
 */
public final class Markup {

    private Markup() {
    }

    /** A run of text, bold or not. */
    public record Span(String text, boolean bold) {
    }

    /** A paragraph or a bullet list. */
    public sealed interface Block {
    }

    public record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    public record Bullets(List<List<Span>> items) implements Block {
        public Bullets {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    public static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String chunk : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            List<String> lines = chunk.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            List<String> paragraph = new ArrayList<>();
            List<List<Span>> bullets = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("- ")) {
                    flushParagraph(paragraph, blocks);
                    bullets.add(spans(line.substring(2).strip()));
                } else {
                    flushBullets(bullets, blocks);
                    paragraph.add(line);
                }
            }
            flushParagraph(paragraph, blocks);
            flushBullets(bullets, blocks);
        }
        return blocks;
    }

    /** Splits {@code **bold**} runs out of a line; an unpaired {@code **} stays as text. */
    public static List<Span> spans(String line) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            int open = line.indexOf("**", at);
            int close = open < 0 ? -1 : line.indexOf("**", open + 2);
            if (open < 0 || close < 0) {
                spans.add(new Span(line.substring(at), false));
                break;
            }
            if (open > at) {
                spans.add(new Span(line.substring(at, open), false));
            }
            spans.add(new Span(line.substring(open + 2, close), true));
            at = close + 2;
        }
        return spans;
    }

    /** The text without markup, for places that show plain text only (notifications, alt text, logs). */
    public static String plain(String text) {
        return text.replace("**", "");
    }

    private static void flushParagraph(List<String> lines, List<Block> blocks) {
        if (!lines.isEmpty()) {
            blocks.add(new Paragraph(spans(String.join(" ", lines))));
            lines.clear();
        }
    }

    private static void flushBullets(List<List<Span>> items, List<Block> blocks) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(new ArrayList<>(items)));
            items.clear();
        }
    }
}
