package dev.bcsetup.flow.pictures;

import dev.bcsetup.flow.Scope;
import dev.bcsetup.flow.pictures.Sketch.Side;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/** The annotated mock-up of each control-panel screen in the guided flow, one per step. */
final class StepScreens {

    private static final int WIDTH = 800;
    private static final String ADDRESS = "store-abc123.mybigcommerce.com/manage";

    private StepScreens() {
    }

    static List<Picture> all() {
        return List.of(
                Picture.opaque("overview.png", WIDTH, 500, StepScreens::overview),
                Picture.opaque("open-api-accounts.png", WIDTH, 500, StepScreens::openApiAccounts),
                Picture.opaque("token-type.png", WIDTH, 500, StepScreens::tokenType),
                Picture.opaque("account-name.png", WIDTH, 500, StepScreens::accountName),
                Picture.opaque("scopes-modify.png", WIDTH, 640, s -> scopes(s, "Modify")),
                Picture.opaque("scopes-read-only.png", WIDTH, 640, s -> scopes(s, "Read-only")),
                Picture.opaque("save-and-copy.png", WIDTH, 790, StepScreens::saveAndCopy),
                Picture.opaque("hand-over.png", WIDTH, 640, StepScreens::handOver));
    }

    // ---- step 0 ---------------------------------------------------------------------------

    private static void overview(Sketch s) {
        s.fill(Theme.PAGE);
        Rectangle store = new Rectangle(30, 30, 220, 150);
        Rectangle bigCommerce = new Rectangle(550, 30, 220, 150);
        s.arrow(store.x + store.width + 10, 105, bigCommerce.x - 10, 105, Theme.MUTED, 4f);
        s.arrow(bigCommerce.x - 10, 105, store.x + store.width + 10, 105, Theme.MUTED, 4f);
        s.panel(store);
        s.panel(bigCommerce);
        shop(s, store.x + store.width / 2, store.y + 30);
        s.centredText("Your store", store.x + store.width / 2, store.y + 128, Theme.BODY_BOLD, Theme.TEXT);
        cart(s, bigCommerce.x + bigCommerce.width / 2, bigCommerce.y + 30);
        s.centredText("BigCommerce", bigCommerce.x + bigCommerce.width / 2, bigCommerce.y + 128,
                Theme.BODY_BOLD, Theme.TEXT);
        String[] data = {"Products", "Customers", "Orders"};
        for (int i = 0; i < data.length; i++) {
            Rectangle chip = new Rectangle(320, 38 + i * 46, 160, 38);
            s.roundRect(chip, Color.WHITE, Theme.BORDER, 38);
            s.centredText(data[i], 400, s.centreBaseline(chip, Theme.BODY), Theme.BODY, Theme.TEXT);
        }

        String[][] labels = {{"Open", "Settings"}, {"Create an", "API account"}, {"Tick the", "scopes"},
                {"Paste into", "our form"}};
        int tileWidth = 172;
        int gap = 24;
        for (int i = 0; i < labels.length; i++) {
            Rectangle tile = new Rectangle(22 + i * (tileWidth + gap), 250, tileWidth, 210);
            s.panel(tile);
            int cx = tile.x + tile.width / 2;
            int iconY = tile.y + 62;
            switch (i) {
                case 0 -> s.gear(cx, iconY, 34, Theme.TEXT);
                case 1 -> s.key(cx - 44, iconY - 16, 88, Theme.TEXT);
                case 2 -> checklist(s, cx - 34, iconY - 32);
                default -> s.padlock(cx - 26, iconY - 32, 56, Theme.TEXT);
            }
            s.centredText(labels[i][0], cx, tile.y + 150, Theme.BODY, Theme.TEXT);
            s.centredText(labels[i][1], cx, tile.y + 182, Theme.BODY_BOLD, Theme.TEXT);
            s.callout(i + 1, tile.x + 10, tile.y + 10);
            if (i > 0) {
                s.arrow(tile.x - gap + 1, tile.y + 105, tile.x - 2, tile.y + 105, Theme.ACCENT, 5f);
            }
        }
    }

    private static void shop(Sketch s, int cx, int top) {
        Color c = Theme.TEXT;
        s.roundRect(new Rectangle(cx - 42, top + 22, 84, 50), null, c, 4);
        s.roundRect(new Rectangle(cx - 12, top + 44, 24, 28), c, null, 2);
        Path2D awning = new Path2D.Double();
        awning.moveTo(cx - 50, top + 22);
        awning.lineTo(cx - 40, top);
        awning.lineTo(cx + 40, top);
        awning.lineTo(cx + 50, top + 22);
        awning.closePath();
        s.graphics().setColor(Theme.ACCENT);
        s.graphics().fill(awning);
    }

    private static void cart(Sketch s, int cx, int top) {
        Path2D basket = new Path2D.Double();
        basket.moveTo(cx - 50, top + 2);
        basket.lineTo(cx - 36, top + 2);
        basket.lineTo(cx - 24, top + 48);
        basket.lineTo(cx + 34, top + 48);
        basket.lineTo(cx + 44, top + 14);
        basket.lineTo(cx - 31, top + 14);
        s.stroke(basket, Theme.TEXT, 6f);
        s.roundRect(new Rectangle(cx - 26, top + 58, 14, 14), Theme.TEXT, null, 14);
        s.roundRect(new Rectangle(cx + 18, top + 58, 14, 14), Theme.TEXT, null, 14);
    }

    private static void checklist(Sketch s, int x, int y) {
        for (int row = 0; row < 3; row++) {
            int top = y + row * 23;
            s.roundRect(new Rectangle(x, top, 18, 18), null, Theme.TEXT, 4);
            s.check(x + 3, top + 2, 13, Theme.GOOD);
            s.roundRect(new Rectangle(x + 28, top + 6, 42, 6), Theme.TEXT, null, 6);
        }
    }

    // ---- step 1 ---------------------------------------------------------------------------

    private static void openApiAccounts(Sketch s) {
        s.fill(Theme.PAGE);
        int top = s.browserBar(ADDRESS);
        int sidebarWidth = 210;
        s.graphics().setColor(Theme.SIDEBAR);
        s.graphics().fillRect(0, top, sidebarWidth, s.height() - top);
        String[] items = {"Home", "Orders", "Products", "Customers", "Settings"};
        Rectangle settings = null;
        for (int i = 0; i < items.length; i++) {
            Rectangle item = new Rectangle(12, top + 24 + i * 62, sidebarWidth - 24, 48);
            if (items[i].equals("Settings")) {
                settings = item;
                s.roundRect(item, new Color(0x34445C), null, 10);
            }
            s.text(items[i], item.x + 16, s.centreBaseline(item, Theme.BODY),
                    items[i].equals("Settings") ? Theme.BODY_BOLD : Theme.BODY, Theme.SIDEBAR_TEXT);
        }

        int x = sidebarWidth + 30;
        int right = s.width() - 30;
        s.text("Settings", x, top + 48, Theme.TITLE, Theme.TEXT);
        Rectangle api = new Rectangle(x, top + 70, right - x, 172);
        s.panel(api);
        s.text("API", api.x + 20, api.y + 38, Theme.BODY_BOLD, Theme.MUTED);
        Rectangle storeLevel = new Rectangle(api.x + 12, api.y + 56, api.width - 24, 48);
        s.text("Store-level API accounts", storeLevel.x + 10, s.centreBaseline(storeLevel, Theme.BODY),
                Theme.BODY_BOLD, Theme.PRIMARY);
        Rectangle accountLevel = new Rectangle(api.x + 12, api.y + 112, api.width - 24, 48);
        s.text("Account-level API accounts", accountLevel.x + 10, s.centreBaseline(accountLevel, Theme.BODY),
                Theme.BODY, Theme.MUTED);

        Rectangle page = new Rectangle(x, api.y + api.height + 30, right - x, 150);
        s.panel(page);
        s.text("Store-level API accounts", page.x + 20, page.y + 42, Theme.BODY_BOLD, Theme.TEXT);
        Rectangle create = new Rectangle(page.x + 20, page.y + 74, 290, 52);
        s.primaryButton(create, "+ Create API token");

        s.mark(settings, 1, Side.TOP_RIGHT);
        s.mark(storeLevel, 2, Side.TOP_RIGHT);
        s.mark(create, 3, Side.RIGHT);
    }

    // ---- step 2 ---------------------------------------------------------------------------

    private static void tokenType(Sketch s) {
        Rectangle form = createAccountForm(s);
        int x = form.x + 30;
        s.text("Token type", x, form.y + 110, Theme.BODY_BOLD, Theme.TEXT);
        Rectangle select = new Rectangle(x, form.y + 126, 400, 52);
        s.roundRect(select, Color.WHITE, Theme.PRIMARY, 8);
        s.text("V2/V3 API token", select.x + 14, s.centreBaseline(select, Theme.BODY), Theme.BODY, Theme.TEXT);
        chevronUp(s, select.x + select.width - 26, select.y + select.height / 2);

        Rectangle list = new Rectangle(x, select.y + select.height + 6, 400, 124);
        s.panel(list);
        Rectangle right = new Rectangle(list.x + 8, list.y + 8, list.width - 16, 52);
        s.roundRect(right, Theme.ACCENT_TINT, null, 8);
        s.text("V2/V3 API token", right.x + 12, s.centreBaseline(right, Theme.BODY), Theme.BODY_BOLD, Theme.TEXT);
        s.check(right.x + right.width - 40, right.y + 14, 26, Theme.GOOD);
        Rectangle wrong = new Rectangle(list.x + 8, list.y + 64, list.width - 16, 52);
        int baseline = s.centreBaseline(wrong, Theme.BODY);
        String stencil = "Stencil-CLI token";
        s.text(stencil, wrong.x + 12, baseline, Theme.BODY, Theme.MUTED);
        s.stroke(new Line2D.Double(wrong.x + 8, baseline - 8, wrong.x + 16 + s.textWidth(stencil, Theme.BODY),
                baseline - 8), Theme.WRONG, 3f);
        s.cross(wrong.x + wrong.width - 38, wrong.y + 15, 22, Theme.WRONG);
        s.text("Not this one", list.x + list.width + 24, baseline, Theme.BODY_BOLD, Theme.WRONG);

        s.mark(right, 1, Side.RIGHT);
    }

    private static void infoIcon(Sketch s, int x, int y) {
        s.roundRect(new Rectangle(x, y, 28, 28), null, Theme.MUTED, 28);
        s.centredText("i", x + 14, y + 22, Theme.BODY_BOLD, Theme.MUTED);
    }

    private static void chevronUp(Sketch s, int cx, int cy) {
        Path2D p = new Path2D.Double();
        p.moveTo(cx - 8, cy + 4);
        p.lineTo(cx, cy - 4);
        p.lineTo(cx + 8, cy + 4);
        s.stroke(p, Theme.MUTED, 3f);
    }

    /** The "Create API account" page both the token-type and the name steps happen on. */
    private static Rectangle createAccountForm(Sketch s) {
        s.fill(Theme.PAGE);
        int top = s.browserBar(ADDRESS);
        Rectangle form = new Rectangle(30, top + 24, s.width() - 60, s.height() - top - 48);
        s.panel(form);
        s.text("Create API account", form.x + 30, form.y + 52, Theme.TITLE, Theme.TEXT);
        return form;
    }

    // ---- step 3 ---------------------------------------------------------------------------

    private static void accountName(Sketch s) {
        Rectangle form = createAccountForm(s);
        int x = form.x + 30;
        s.text("Token type", x, form.y + 110, Theme.BODY_BOLD, Theme.MUTED);
        s.dropdown(new Rectangle(x, form.y + 126, 400, 52), "V2/V3 API token");
        s.text("Name", x, form.y + 230, Theme.BODY_BOLD, Theme.TEXT);
        Rectangle name = new Rectangle(x, form.y + 246, 400, 56);
        s.textField(name, "Data migration", Theme.BODY, true);
        infoIcon(s, x, form.y + 324);
        s.text("At least 4 characters", x + 40, form.y + 346, Theme.BODY, Theme.MUTED);
        s.mark(name, 1, Side.RIGHT);
    }

    // ---- step 4 ---------------------------------------------------------------------------

    private static void scopes(Sketch s, String permission) {
        s.fill(Theme.PAGE);
        int top = s.browserBar(ADDRESS);
        Rectangle table = new Rectangle(30, top + 20, s.width() - 60, s.height() - top - 40);
        s.panel(table);
        s.text("OAuth scopes", table.x + 24, table.y + 46, Theme.TITLE, Theme.TEXT);
        int columnX = table.x + 400;
        int columnWidth = 250;
        int rowTop = table.y + 70;
        int rowHeight = 58;
        List<Scope> rows = List.of(Scope.values());
        for (int i = 0; i < rows.size(); i++) {
            int y = rowTop + i * rowHeight;
            if (i > 0) {
                s.stroke(new Line2D.Double(table.x + 16, y, table.x + table.width - 16, y), Theme.PAGE, 2f);
            }
            Rectangle row = new Rectangle(table.x, y, table.width, rowHeight);
            s.text(rows.get(i).controlPanelName(), table.x + 24, s.centreBaseline(row, Theme.BODY), Theme.BODY,
                    Theme.TEXT);
            s.dropdown(new Rectangle(columnX, y + 8, columnWidth, rowHeight - 16), permission);
        }
        Rectangle column = new Rectangle(columnX, rowTop + 8, columnWidth, rows.size() * rowHeight - 16);
        s.mark(column, 1, Side.RIGHT);
    }

    // ---- step 5 ---------------------------------------------------------------------------

    private static void saveAndCopy(Sketch s) {
        s.fill(Theme.PAGE);
        int top = s.browserBar(ADDRESS);
        Rectangle footer = new Rectangle(0, top, s.width(), 92);
        s.roundRect(footer, Color.WHITE, null, 0);
        Rectangle save = new Rectangle(s.width() - 200, top + 20, 140, 52);
        s.secondaryButton(new Rectangle(save.x - 240, save.y, 150, 52), "Cancel");
        s.primaryButton(save, "Save");

        Rectangle modal = new Rectangle(30, top + 124, s.width() - 60, s.height() - top - 148);
        s.arrow(save.x + save.width / 2, save.y + save.height + 14, save.x + save.width / 2, modal.y - 6,
                Theme.ACCENT, 4f);
        s.panel(modal);
        s.text("BigCommerce API Credentials", modal.x + 24, modal.y + 48, Theme.TITLE, Theme.TEXT);
        String[][] fields = {
                {"Client Name", "Data migration"},
                {"API Path", "https://api.bigcommerce.com/stores/abc123/v3/"},
                {"Client ID", "xxxxxxxxxxxx"},
                {"Client Secret", "xxxxxxxxxxxx"},
                {"Access Token", "xxxxxxxxxxxx"}};
        int valueX = modal.x + 24 + 12 + s.textWidth("Client Secret", Theme.BODY_BOLD) + 24;
        int y = modal.y + 76;
        for (String[] field : fields) {
            // A value too long to sit beside the labels goes on a line of its own, under its label.
            boolean besideLabel = valueX + s.textWidth(field[1], Theme.BODY) < modal.x + modal.width - 36;
            Rectangle row = new Rectangle(modal.x + 24, y, modal.width - 48, besideLabel ? 48 : 84);
            s.roundRect(row, new Color(0xF5F7FA), null, 8);
            Rectangle firstLine = new Rectangle(row.x, row.y, row.width, 48);
            int baseline = s.centreBaseline(firstLine, Theme.BODY);
            s.text(field[0], row.x + 12, baseline, Theme.BODY_BOLD, Theme.MUTED);
            s.text(field[1], besideLabel ? valueX : row.x + 12, besideLabel ? baseline : baseline + 36, Theme.BODY,
                    Theme.TEXT);
            y += row.height + 8;
        }

        String downloads = "A .txt file downloads";
        Rectangle download = new Rectangle(modal.x + 24, y + 14, 64 + s.textWidth(downloads, Theme.BODY), 44);
        downloadIcon(s, download.x + 4, download.y + 6);
        s.text(downloads, download.x + 48, s.centreBaseline(download, Theme.BODY), Theme.BODY,
                Theme.TEXT);
        Rectangle warning = new Rectangle(modal.x + 24, download.y + download.height + 26, modal.width - 110, 84);
        s.roundRect(warning, new Color(0xFFF4E5), new Color(0xE8A33D), 10);
        warningIcon(s, warning.x + 14, warning.y + 24);
        s.text("Never shown again:", warning.x + 62, warning.y + 34, Theme.BODY_BOLD, Theme.TEXT);
        s.text("copy every field first", warning.x + 62, warning.y + 66, Theme.BODY, Theme.TEXT);

        s.mark(save, 1, Side.LEFT);
        s.mark(download, 2, Side.RIGHT);
        s.mark(warning, 3, Side.RIGHT);
    }

    private static void downloadIcon(Sketch s, int x, int y) {
        Path2D tray = new Path2D.Double();
        tray.moveTo(x, y + 20);
        tray.lineTo(x, y + 30);
        tray.lineTo(x + 30, y + 30);
        tray.lineTo(x + 30, y + 20);
        s.stroke(tray, Theme.TEXT, 3.5f);
        s.arrow(x + 15, y - 2, x + 15, y + 24, Theme.TEXT, 3.5f);
    }

    private static void warningIcon(Sketch s, int x, int y) {
        Path2D triangle = new Path2D.Double();
        triangle.moveTo(x + 18, y);
        triangle.lineTo(x + 36, y + 32);
        triangle.lineTo(x, y + 32);
        triangle.closePath();
        s.graphics().setColor(new Color(0xC77700));
        s.graphics().fill(triangle);
        s.centredText("!", x + 18, y + 29, Theme.BODY_BOLD, Color.WHITE);
    }

    // ---- step 6 ---------------------------------------------------------------------------

    private static void handOver(Sketch s) {
        s.fill(Theme.PAGE);
        Rectangle window = new Rectangle(30, 24, s.width() - 60, s.height() - 48);
        s.panel(window);
        s.padlock(window.x + 24, window.y + 20, 30, Theme.GOOD);
        s.text("Secure form", window.x + 68, window.y + 46, Theme.TITLE, Theme.TEXT);
        s.stroke(new Line2D.Double(window.x, window.y + 72, window.x + window.width, window.y + 72), Theme.BORDER,
                2f);

        int x = window.x + 28;
        int fieldWidth = window.width - 56;
        String[][] fields = {
                {"API path", "https://api.bigcommerce.com/stores/abc123/v3/"},
                {"Client ID", "xxxxxxxxxxxx"},
                {"Access token", "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"}};
        int y = window.y + 110;
        for (String[] field : fields) {
            s.text(field[0], x, y, Theme.BODY_BOLD, Theme.TEXT);
            s.textField(new Rectangle(x, y + 10, fieldWidth, 48), field[1], Theme.BODY, false);
            y += 92;
        }
        s.text("or paste the whole .txt file", x, y, Theme.BODY_BOLD, Theme.TEXT);
        Rectangle paste = new Rectangle(x, y + 10, fieldWidth, 80);
        RoundRectangle2D dashed = new RoundRectangle2D.Double(paste.x, paste.y, paste.width, paste.height, 8, 8);
        s.graphics().setColor(new Color(0xF5F7FA));
        s.graphics().fill(dashed);
        s.graphics().setColor(Theme.MUTED);
        s.graphics().setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {10f, 7f}, 0f));
        s.graphics().draw(dashed);
        s.text("API PATH: \u2026", paste.x + 14, paste.y + 34, Theme.MONO, Theme.MUTED);
        s.text("ACCESS TOKEN: \u2026", paste.x + 14, paste.y + 66, Theme.MONO, Theme.MUTED);

        Rectangle inputs = new Rectangle(x - 10, window.y + 86, fieldWidth + 20,
                paste.y + paste.height + 8 - window.y - 86);
        Rectangle check = new Rectangle(x, paste.y + paste.height + 34, 330, 54);
        s.primaryButton(check, "Check my credentials");
        s.mark(inputs, 1, Side.TOP_RIGHT);
        s.mark(check, 2, Side.RIGHT);
    }
}
