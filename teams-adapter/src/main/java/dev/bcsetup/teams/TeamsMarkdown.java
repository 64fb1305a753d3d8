package dev.bcsetup.teams;

import dev.bcsetup.flow.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The flow's markup as Teams markdown: {@code **bold**} stays, bullets become "- " lines, paragraphs blank-line separated. */
final class TeamsMarkdown {

    private TeamsMarkdown() {
    }

    /** One string per paragraph or bullet list, each fit for one wrapped TextBlock. */
    static List<String> blocks(String markup) {
        List<String> blocks = new ArrayList<>();
        for (Markup.Block block : Markup.parse(markup)) {
            if (block instanceof Markup.Paragraph paragraph) {
                blocks.add(spans(paragraph.spans()));
            } else if (block instanceof Markup.Bullets bullets) {
                blocks.add(bullets.items().stream().map(item -> "- " + spans(item)).collect(Collectors.joining("\r")));
            }
        }
        return blocks;
    }

    /** The whole text as one message body. */
    static String message(String markup) {
        return blocks(markup).stream().map(b -> b.replace('\r', '\n')).collect(Collectors.joining("\n\n"));
    }

    private static String spans(List<Markup.Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : spans) {
            out.append(span.bold() ? "**" + span.text() + "**" : span.text());
        }
        return out.toString();
    }
}
