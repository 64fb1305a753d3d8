package dev.bcsetup.slack;

import dev.bcsetup.flow.Markup;
import java.util.ArrayList;
import java.util.List;

/** The flow's markup as Slack mrkdwn: {@code **bold**} becomes {@code *bold*}, bullets "• ", control characters escaped. */
final class Mrkdwn {

    private Mrkdwn() {
    }

    /** Escapes the three characters Slack treats as markup in any text: {@code & < >}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The whole text, paragraphs separated by a blank line. */
    static String of(String markup) {
        return String.join("\n\n", paragraphs(markup));
    }

    /** One string per paragraph or bullet list, so long texts can be split between sections. */
    static List<String> paragraphs(String markup) {
        List<String> out = new ArrayList<>();
        for (Markup.Block block : Markup.parse(markup)) {
            if (block instanceof Markup.Paragraph paragraph) {
                out.add(spans(paragraph.spans()));
            } else if (block instanceof Markup.Bullets bullets) {
                List<String> lines = new ArrayList<>();
                for (List<Markup.Span> item : bullets.items()) {
                    lines.add("• " + spans(item));
                }
                out.add(String.join("\n", lines));
            }
        }
        return out;
    }

    private static String spans(List<Markup.Span> spans) {
        StringBuilder text = new StringBuilder();
        for (Markup.Span span : spans) {
            String escaped = escape(span.text());
            if (span.bold() && !escaped.isBlank()) {
                // Slack only reads *bold* when the asterisks touch the words.
                String stripped = escaped.strip();
                int lead = escaped.indexOf(stripped);
                text.append(escaped, 0, lead).append('*').append(stripped).append('*')
                        .append(escaped.substring(lead + stripped.length()));
            } else {
                text.append(escaped);
            }
        }
        return text.toString();
    }
}
