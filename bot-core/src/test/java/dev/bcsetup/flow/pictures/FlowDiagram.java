package dev.bcsetup.flow.pictures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Path2D;

/** The README's picture of the whole flow, from the slash command to the engineers' hand-off. */
final class FlowDiagram {

    static final String FILE_NAME = "flow.png";
    private static final Font SMALL = Theme.sans(Font.PLAIN, 21);
    private static final Font SMALL_BOLD = Theme.sans(Font.BOLD, 21);

    private FlowDiagram() {
    }

    static Picture picture() {
        return Picture.opaque(FILE_NAME, 1200, 660, FlowDiagram::draw);
    }

    private static void draw(Sketch s) {
        s.fill(Theme.PAGE);

        Rectangle merchant = new Rectangle(30, 60, 270, 170);
        s.panel(merchant);
        s.centredText("Merchant", merchant.x + merchant.width / 2, merchant.y + 60, Theme.BODY_BOLD, Theme.TEXT);
        Rectangle command = new Rectangle(merchant.x + 14, merchant.y + 86, merchant.width - 28, 48);
        s.roundRect(command, Theme.ACCENT_TINT, null, 8);
        s.centredText("/bigcommerce-setup", merchant.x + merchant.width / 2, s.centreBaseline(command, SMALL_BOLD), SMALL_BOLD,
                Theme.ACCENT);

        Rectangle steps = new Rectangle(340, 30, 830, 250);
        s.arrow(merchant.x + merchant.width + 6, 145, steps.x - 6, 145, Theme.TEXT, 4f);
        s.panel(steps);
        s.text("Guided steps, one message each", steps.x + 20, steps.y + 38, Theme.BODY_BOLD, Theme.TEXT);
        String[][] labels = {{"What we", "migrate"}, {"API", "accounts"}, {"Token", "type"}, {"Name", ""},
                {"Scopes", ""}, {"Save &", "copy"}, {"Hand", "over"}};
        int tileWidth = 104;
        int gap = 10;
        for (int i = 0; i < labels.length; i++) {
            Rectangle tile = new Rectangle(steps.x + 20 + i * (tileWidth + gap), steps.y + 58, tileWidth, 118);
            s.roundRect(tile, new Color(0xF5F7FA), Theme.BORDER, 10);
            int cx = tile.x + tile.width / 2;
            s.callout(i + 1, cx, tile.y + 32);
            s.centredText(labels[i][0], cx, tile.y + 82, SMALL, Theme.TEXT);
            s.centredText(labels[i][1], cx, tile.y + 106, SMALL, Theme.TEXT);
        }
        Rectangle back = new Rectangle(steps.x + 20, steps.y + 190, 120, 44);
        Rectangle next = new Rectangle(back.x + back.width + 14, back.y, 120, 44);
        s.secondaryButton(back, "\u2039 Back");
        s.primaryButton(next, "Next \u203A");
        s.text("on every step", next.x + next.width + 18, s.centreBaseline(next, Theme.BODY), Theme.BODY,
                Theme.MUTED);

        int rowTop = 380;
        Rectangle form = new Rectangle(30, rowTop, 250, 150);
        Rectangle check = new Rectangle(330, rowTop, 260, 150);
        Rectangle handOff = new Rectangle(640, rowTop, 230, 150);
        String[] targets = {"Slack channel", "Teams channel", "Signed webhook"};

        // From the last step down to the form.
        Path2D down = new Path2D.Double();
        int fromX = steps.x + steps.width - 80;
        down.moveTo(fromX, steps.y + steps.height + 4);
        down.lineTo(fromX, 320);
        down.lineTo(form.x + form.width / 2, 320);
        s.stroke(down, Theme.TEXT, 4f);
        s.arrow(form.x + form.width / 2, 318, form.x + form.width / 2, form.y - 6, Theme.TEXT, 4f);

        box(s, form, "Secure form", "path, ID, token");
        s.padlock(form.x + form.width - 44, form.y + 14, 26, Theme.GOOD);
        s.arrow(form.x + form.width + 6, form.y + 75, check.x - 6, form.y + 75, Theme.TEXT, 4f);
        box(s, check, "Live check", "BigCommerce API");
        s.arrow(check.x + check.width + 6, check.y + 75, handOff.x - 6, check.y + 75, Theme.TEXT, 4f);
        box(s, handOff, "Encrypted", "hand-off");

        for (int i = 0; i < targets.length; i++) {
            Rectangle target = new Rectangle(930, rowTop - 20 + i * 66, 240, 54);
            s.panel(target);
            s.centredText(targets[i], target.x + target.width / 2, s.centreBaseline(target, Theme.BODY),
                    Theme.BODY_BOLD, Theme.TEXT);
            s.arrow(handOff.x + handOff.width + 6, handOff.y + 75, target.x - 6, target.y + target.height / 2,
                    Theme.TEXT, 3f);
        }
        s.text("Engineers see the", 930, rowTop + 218, Theme.BODY, Theme.MUTED);
        s.text("secret only if allowed", 930, rowTop + 248, Theme.BODY, Theme.MUTED);

        // A failed check sends the merchant back to the form with the reason.
        Path2D retry = new Path2D.Double();
        int under = form.y + form.height;
        retry.moveTo(check.x + check.width / 2, under + 6);
        retry.curveTo(check.x + check.width / 2, under + 70, form.x + form.width / 2, under + 70,
                form.x + form.width / 2, under + 16);
        s.stroke(retry, Theme.ACCENT, 4f);
        s.arrow(form.x + form.width / 2, under + 30, form.x + form.width / 2, under + 8, Theme.ACCENT, 4f);
        s.centredText("not right? fix and retry", (form.x + form.width / 2 + check.x + check.width / 2) / 2,
                under + 96, Theme.BODY_BOLD, Theme.ACCENT);
    }

    private static void box(Sketch s, Rectangle r, String title, String detail) {
        s.panel(r);
        s.text(title, r.x + 20, r.y + 66, Theme.BODY_BOLD, Theme.TEXT);
        s.text(detail, r.x + 20, r.y + 104, Theme.BODY, Theme.MUTED);
    }
}
