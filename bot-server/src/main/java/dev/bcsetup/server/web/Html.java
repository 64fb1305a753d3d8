package dev.bcsetup.server.web;

import dev.bcsetup.flow.Markup;
import java.util.List;

/** HTML escaping and the flow markup rendered as HTML. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String markup(String text) {
        StringBuilder out = new StringBuilder();
        for (Markup.Block block : Markup.parse(text)) {
            if (block instanceof Markup.Paragraph paragraph) {
                out.append("<p>").append(spans(paragraph.spans())).append("</p>");
            } else if (block instanceof Markup.Bullets bullets) {
                out.append("<ul>");
                bullets.items().forEach(item -> out.append("<li>").append(spans(item)).append("</li>"));
                out.append("</ul>");
            }
        }
        return out.toString();
    }

    private static String spans(List<Markup.Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : spans) {
            String text = escape(span.text());
            out.append(span.bold() ? "<strong>" + text + "</strong>" : text);
        }
        return out.toString();
    }
}
