package dev.bcsetup.flow.pictures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * A tiny drawing kit for control-panel mock-ups: window chrome, panels, buttons, fields,
 * dropdowns, accent outlines and numbered callouts, all in the {@link Theme}'s look.
 */
final class Sketch {

    static final int CALLOUT_RADIUS = 22;
    private static final int ARC = 12;

    private final BufferedImage image;
    private final Graphics2D g;

    Sketch(BufferedImage image) {
        this.image = image;
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // Grey-scale text anti-aliasing: sub-pixel (LCD) colour fringes look wrong once scaled.
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    Graphics2D graphics() {
        return g;
    }

    void dispose() {
        g.dispose();
    }

    // ---- surfaces -------------------------------------------------------------------------

    void fill(Color color) {
        g.setColor(color);
        g.fillRect(0, 0, width(), height());
    }

    /** A browser window's top bar with its address; returns the y where the page starts. */
    int browserBar(String address) {
        int barHeight = 52;
        g.setColor(new Color(0xDDE2E9));
        g.fillRect(0, 0, width(), barHeight);
        Color[] dots = {new Color(0xEC6A5E), new Color(0xF4BF4F), new Color(0x61C554)};
        for (int i = 0; i < dots.length; i++) {
            g.setColor(dots[i]);
            g.fill(new Ellipse2D.Double(18 + i * 22, barHeight / 2.0 - 7, 14, 14));
        }
        Rectangle field = new Rectangle(96, 9, width() - 112, barHeight - 18);
        roundRect(field, Color.WHITE, null, 17);
        text(address, field.x + 16, centreBaseline(field, Theme.BODY), Theme.BODY, Theme.MUTED);
        return barHeight;
    }

    /** A white card with a soft shadow and a thin border. */
    void panel(Rectangle r) {
        g.setColor(new Color(0, 0, 0, 22));
        g.fill(new RoundRectangle2D.Double(r.x + 2, r.y + 4, r.width, r.height, ARC, ARC));
        roundRect(r, Theme.PANEL, Theme.BORDER, ARC);
    }

    void roundRect(Rectangle r, Color fill, Color border, int arc) {
        RoundRectangle2D shape = new RoundRectangle2D.Double(r.x, r.y, r.width, r.height, arc, arc);
        if (fill != null) {
            g.setColor(fill);
            g.fill(shape);
        }
        if (border != null) {
            g.setColor(border);
            g.setStroke(new BasicStroke(2f));
            g.draw(shape);
        }
    }

    /**
     * Turns every pixel white and keeps only its coverage, for monochrome icons: anti-aliased
     * edges then stay white with partial alpha instead of picking up grey.
     */
    void whiteWithAlphaOnly() {
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                image.setRGB(x, y, (image.getRGB(x, y) & 0xFF000000) | 0x00FFFFFF);
            }
        }
    }

    // ---- text -----------------------------------------------------------------------------

    void text(String s, int x, int baseline, Font font, Color color) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, x, baseline);
    }

    void centredText(String s, int centreX, int baseline, Font font, Color color) {
        text(s, centreX - textWidth(s, font) / 2, baseline, font, color);
    }

    int textWidth(String s, Font font) {
        return g.getFontMetrics(font).stringWidth(s);
    }

    /** The baseline that centres one line of {@code font} vertically in {@code r}. */
    int centreBaseline(Rectangle r, Font font) {
        FontMetrics m = g.getFontMetrics(font);
        return r.y + (r.height - m.getAscent() - m.getDescent()) / 2 + m.getAscent();
    }

    // ---- widgets --------------------------------------------------------------------------

    /** A filled button in the control panel's primary colour. */
    void primaryButton(Rectangle r, String label) {
        roundRect(r, Theme.PRIMARY, null, 10);
        centredText(label, r.x + r.width / 2, centreBaseline(r, Theme.BODY_BOLD), Theme.BODY_BOLD, Color.WHITE);
    }

    /** A white button with a border, for the action the merchant should not take. */
    void secondaryButton(Rectangle r, String label) {
        roundRect(r, Color.WHITE, Theme.BORDER, 10);
        centredText(label, r.x + r.width / 2, centreBaseline(r, Theme.BODY_BOLD), Theme.BODY_BOLD, Theme.PRIMARY);
    }

    /** A one-line input showing {@code value}, with a caret after it when {@code focused}. */
    void textField(Rectangle r, String value, Font font, boolean focused) {
        roundRect(r, Color.WHITE, focused ? Theme.PRIMARY : Theme.BORDER, 8);
        int baseline = centreBaseline(r, font);
        text(value, r.x + 14, baseline, font, Theme.TEXT);
        if (focused) {
            int caretX = r.x + 16 + textWidth(value, font);
            g.setColor(Theme.TEXT);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(caretX, r.y + 9, caretX, r.y + r.height - 9);
        }
    }

    /** A closed select box showing {@code value} and a chevron. */
    void dropdown(Rectangle r, String value) {
        roundRect(r, Color.WHITE, Theme.BORDER, 8);
        text(value, r.x + 14, centreBaseline(r, Theme.BODY), Theme.BODY, Theme.TEXT);
        chevronDown(r.x + r.width - 26, r.y + r.height / 2, Theme.MUTED);
    }

    void chevronDown(int cx, int cy, Color color) {
        Path2D p = new Path2D.Double();
        p.moveTo(cx - 8, cy - 4);
        p.lineTo(cx, cy + 4);
        p.lineTo(cx + 8, cy - 4);
        stroke(p, color, 3f);
    }

    void check(int x, int y, int size, Color color) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y + size * 0.55);
        p.lineTo(x + size * 0.38, y + size * 0.9);
        p.lineTo(x + size, y + size * 0.12);
        stroke(p, color, size / 6f);
    }

    void cross(int x, int y, int size, Color color) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x + size, y + size);
        p.moveTo(x + size, y);
        p.lineTo(x, y + size);
        stroke(p, color, size / 6f);
    }

    /** A padlock, the sign for "this form is private". */
    void padlock(int x, int y, int size, Color color) {
        int bodyTop = y + size * 4 / 10;
        g.setColor(color);
        g.fill(new RoundRectangle2D.Double(x, bodyTop, size, size - (bodyTop - y), size / 5.0, size / 5.0));
        Path2D shackle = new Path2D.Double();
        double left = x + size * 0.22;
        double right = x + size * 0.78;
        shackle.moveTo(left, bodyTop);
        shackle.lineTo(left, y + size * 0.28);
        shackle.curveTo(left, y - size * 0.02, right, y - size * 0.02, right, y + size * 0.28);
        shackle.lineTo(right, bodyTop);
        stroke(shackle, color, size / 8f);
    }

    /** A cog wheel, the usual sign for settings. */
    void gear(int cx, int cy, int radius, Color color) {
        Path2D teeth = new Path2D.Double();
        int count = 8;
        for (int i = 0; i < count * 2; i++) {
            double a0 = Math.PI * i / count - Math.PI / (count * 2.5);
            double a1 = Math.PI * i / count + Math.PI / (count * 2.5);
            double r = i % 2 == 0 ? radius : radius * 0.78;
            if (i == 0) {
                teeth.moveTo(cx + r * Math.cos(a0), cy + r * Math.sin(a0));
            } else {
                teeth.lineTo(cx + r * Math.cos(a0), cy + r * Math.sin(a0));
            }
            teeth.lineTo(cx + r * Math.cos(a1), cy + r * Math.sin(a1));
        }
        teeth.closePath();
        double hole = radius * 0.36;
        teeth.append(new Ellipse2D.Double(cx - hole, cy - hole, 2 * hole, 2 * hole), false);
        teeth.setWindingRule(Path2D.WIND_EVEN_ODD);
        g.setColor(color);
        g.fill(teeth);
    }

    /** A key lying left to right: ring on the left, bit on the right. */
    void key(int x, int y, int length, Color color) {
        double ring = length * 0.36;
        double cy = y + ring / 2;
        Path2D key = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        key.append(new Ellipse2D.Double(x, y, ring, ring), false);
        double hole = ring * 0.42;
        key.append(new Ellipse2D.Double(x + ring * 0.18, cy - hole / 2, hole, hole), false);
        g.setColor(color);
        g.fill(key);
        double shaft = ring * 0.22;
        g.fill(new Rectangle2D.Double(x + ring * 0.9, cy - shaft / 2, length - ring * 0.9, shaft));
        g.fill(new Rectangle2D.Double(x + length - shaft * 1.1, cy, shaft * 1.1, ring * 0.34));
        g.fill(new Rectangle2D.Double(x + length - shaft * 3.0, cy, shaft * 1.0, ring * 0.26));
    }

    // ---- annotations ----------------------------------------------------------------------

    /** The accent outline around what to click or fill, a few pixels outside {@code r}. */
    void outline(Rectangle r) {
        int pad = 6;
        RoundRectangle2D shape = new RoundRectangle2D.Double(
                r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad, 16, 16);
        // A white halo keeps the outline visible on dark surfaces such as the sidebar.
        stroke(shape, Color.WHITE, 9f);
        stroke(shape, Theme.ACCENT, 5f);
    }

    /** Where a callout sits relative to the outline it numbers. */
    enum Side { LEFT, RIGHT, TOP_RIGHT }

    /** Outlines {@code r} and numbers it: the merchant's {@code number}th action on this screen. */
    void mark(Rectangle r, int number, Side side) {
        outline(r);
        int gap = 6 + CALLOUT_RADIUS + 6;
        switch (side) {
            case LEFT -> callout(number, r.x - gap, r.y + r.height / 2);
            case RIGHT -> callout(number, r.x + r.width + gap, r.y + r.height / 2);
            case TOP_RIGHT -> callout(number, r.x + r.width + 4, r.y - 4);
        }
    }

    /** A numbered accent disc centred on (cx, cy), with a white ring so it stands out on any background. */
    void callout(int number, int cx, int cy) {
        int r = CALLOUT_RADIUS;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(cx - r - 3, cy - r - 3, 2 * r + 6, 2 * r + 6));
        g.setColor(Theme.ACCENT);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        String label = Integer.toString(number);
        FontMetrics m = g.getFontMetrics(Theme.CALLOUT);
        int baseline = cy + (m.getAscent() - m.getDescent()) / 2 - 1;
        centredText(label, cx, baseline, Theme.CALLOUT, Color.WHITE);
    }

    /** A straight arrow with a filled head at (x2, y2). */
    void arrow(int x1, int y1, int x2, int y2, Color color, float width) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double head = 6 + width * 3;
        double backX = x2 - head * Math.cos(angle);
        double backY = y2 - head * Math.sin(angle);
        Path2D line = new Path2D.Double();
        line.moveTo(x1, y1);
        line.lineTo(backX, backY);
        stroke(line, color, width);
        Path2D tip = new Path2D.Double();
        tip.moveTo(x2, y2);
        tip.lineTo(backX + head * 0.55 * Math.sin(angle), backY - head * 0.55 * Math.cos(angle));
        tip.lineTo(backX - head * 0.55 * Math.sin(angle), backY + head * 0.55 * Math.cos(angle));
        tip.closePath();
        g.setColor(color);
        g.fill(tip);
    }

    void stroke(java.awt.Shape shape, Color color, float width) {
        Stroke previous = g.getStroke();
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        g.setStroke(previous);
    }
}
