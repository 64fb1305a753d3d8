package dev.bcsetup.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.flow.Markup.Bullets;
import dev.bcsetup.flow.Markup.Paragraph;
import dev.bcsetup.flow.Markup.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void splitsParagraphsAndBulletsAndBold() {
        List<Markup.Block> blocks = Markup.parse("Sign in, then:\n- open **Settings**;\n- click **Save**.\n\nDone.");

        assertThat(blocks).containsExactly(
                new Paragraph(List.of(new Span("Sign in, then:", false))),
                new Bullets(List.of(
                        List.of(new Span("open ", false), new Span("Settings", true), new Span(";", false)),
                        List.of(new Span("click ", false), new Span("Save", true), new Span(".", false)))),
                new Paragraph(List.of(new Span("Done.", false))));
    }

    @Test
    void leavesAnUnpairedMarkerAsText() {
        assertThat(Markup.spans("a ** b")).containsExactly(new Span("a ** b", false));
    }

    @Test
    void joinsWrappedLinesOfOneParagraph() {
        assertThat(Markup.parse("one\ntwo")).containsExactly(new Paragraph(List.of(new Span("one two", false))));
    }

    @Test
    void plainDropsTheMarkers() {
        assertThat(Markup.plain("Click **Save** now")).isEqualTo("Click Save now");
    }
}
