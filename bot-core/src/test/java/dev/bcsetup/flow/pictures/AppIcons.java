package dev.bcsetup.flow.pictures;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.util.List;

/** The Teams app package's icons: a full-colour one and a white-on-transparent outline one. */
final class AppIcons {

    static final int COLOR_SIZE = 192;
    static final int OUTLINE_SIZE = 32;

    private AppIcons() {
    }

    static List<Picture> all() {
        return List.of(
                Picture.opaque("color.png", COLOR_SIZE, COLOR_SIZE, AppIcons::color),
                new Picture("outline.png", OUTLINE_SIZE, OUTLINE_SIZE, true, AppIcons::outline));
    }

    private static void color(Sketch s) {
        s.fill(Theme.ACCENT);
        // Teams rounds the corners and shows the icon small: a single bold symbol with room around it.
        diagonalKey(s, 140, Color.WHITE);
    }

    private static void outline(Sketch s) {
        diagonalKey(s, 31, Color.WHITE);
        s.whiteWithAlphaOnly();
    }

    /** A key laid from bottom-left (ring) to top-right (bit), centred on the canvas. */
    private static void diagonalKey(Sketch s, int length, Color color) {
        AffineTransform before = s.graphics().getTransform();
        double centre = s.width() / 2.0;
        s.graphics().rotate(-Math.PI / 4, centre, centre);
        int ring = (int) Math.round(length * 0.36);
        s.key((int) Math.round(centre - length / 2.0), (int) Math.round(centre - ring / 2.0), length, color);
        s.graphics().setTransform(before);
    }
}
