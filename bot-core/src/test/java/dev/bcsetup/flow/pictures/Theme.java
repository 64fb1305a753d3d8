package dev.bcsetup.flow.pictures;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Set;

/** The one look shared by every picture: colours and fonts. */
final class Theme {

    private static final Set<String> INSTALLED_FAMILIES = Set.copyOf(Arrays.asList(
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));

    static final Color PAGE = new Color(0xEEF1F5);
    static final Color PANEL = Color.WHITE;
    static final Color BORDER = new Color(0xC9D0DA);
    static final Color TEXT = new Color(0x1B2330);
    static final Color MUTED = new Color(0x5A6472);
    static final Color SIDEBAR = new Color(0x1E2A3B);
    static final Color SIDEBAR_TEXT = new Color(0xDCE3EC);
    static final Color PRIMARY = new Color(0x2E5BDB);
    /** Outlines and numbered callouts: the one thing on a picture the merchant should act on. */
    static final Color ACCENT = new Color(0xC2185B);
    static final Color ACCENT_TINT = new Color(0xFCE4EE);
    static final Color WRONG = new Color(0xB3261E);
    static final Color GOOD = new Color(0x1E7D34);

    /** Body text: at least 24 px, so it stays readable when Slack shows the picture 360 px wide. */
    static final Font BODY = sans(Font.PLAIN, 24);
    static final Font BODY_BOLD = sans(Font.BOLD, 24);
    static final Font TITLE = sans(Font.BOLD, 30);
    static final Font CALLOUT = sans(Font.BOLD, 30);
    static final Font MONO = mono(24);

    private Theme() {
    }

    static Font sans(int style, int size) {
        return font("DejaVu Sans", Font.SANS_SERIF, style, size);
    }

    static Font mono(int size) {
        return font("DejaVu Sans Mono", Font.MONOSPACED, Font.PLAIN, size);
    }

    /** The DejaVu family renders the same everywhere it is installed; elsewhere the logical font stands in. */
    private static Font font(String family, String fallback, int style, int size) {
        return new Font(INSTALLED_FAMILIES.contains(family) ? family : fallback, style, size);
    }
}
