package dev.bcsetup.server.web;

import static dev.bcsetup.server.web.Html.escape;

import dev.bcsetup.conversation.Action;
import dev.bcsetup.conversation.ActionKind;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.conversation.FormView;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.ReportView;
import dev.bcsetup.conversation.StepView;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.util.List;

/**
 * Renders the conversation's replies as an HTML page: the same text, pictures and buttons as in Slack and Teams. The
 * local playground and the page a one-time link opens share it; each says where its buttons and form post to.
 */
public final class FlowPage {

    public static final String API_PATH = "api_path";
    public static final String CLIENT_ID = "client_id";
    public static final String ACCESS_TOKEN = "access_token";
    public static final String PASTED_FILE = "pasted_file";

    /** Where a page's buttons ({@code actions}) and credential form ({@code credentials}) post, and what its header says. */
    public record Target(String actions, String credentials, String subtitle) {
    }

    private final Target target;
    private final String actionsPath;
    private final String credentialsPath;

    public FlowPage(Target target) {
        this.target = target;
        this.actionsPath = escape(target.actions());
        this.credentialsPath = escape(target.credentials());
    }

    /** The whole page: {@code replies} in order, then {@code footnote} if any. */
    public String render(List<Reply> replies, String footnote) {
        StringBuilder body = new StringBuilder();
        for (Reply reply : replies) {
            if (reply instanceof Reply.StepShown shown) {
                step(body, shown.view());
            } else if (reply instanceof Reply.HelpShown help) {
                body.append("<section class=\"help\" id=\"help\" role=\"note\"><h2>").append(escape(help.title()))
                        .append("</h2>").append(Html.markup(help.body())).append("</section>");
            } else if (reply instanceof Reply.FormRequested requested) {
                form(body, requested.form());
            } else if (reply instanceof Reply.FormRejected rejected) {
                form(body, rejected.form());
            } else if (reply instanceof Reply.Checking checking) {
                body.append("<section class=\"message\"><div class=\"notice\" role=\"status\">")
                        .append(escape(checking.text())).append("</div></section>");
            } else if (reply instanceof Reply.ReportShown shown) {
                report(body, shown.report());
            } else if (reply instanceof Reply.Notice notice) {
                body.append("<section class=\"message\"><div class=\"notice\" role=\"status\">")
                        .append(escape(notice.text())).append("</div>");
                if (!notice.actions().isEmpty()) {
                    body.append("<form method=\"post\" action=\"").append(actionsPath).append("\"><div class=\"actions\">");
                    notice.actions().forEach(a -> button(body, a));
                    body.append("</div></form>");
                }
                body.append("</section>");
            }
        }
        if (footnote != null) {
            body.append("<p class=\"footnote\">").append(escape(footnote)).append("</p>");
        }
        return page(body.toString());
    }

    private void step(StringBuilder out, StepView view) {
        out.append("<section class=\"message step\" data-step=\"").append(view.stepId()).append("\">");
        out.append("<form method=\"post\" action=\"").append(actionsPath).append("\">");
        progress(out, view);
        out.append("<h1 id=\"step-title\">").append(escape(view.title())).append("</h1>");
        view.notice().ifPresent(n ->
                out.append("<div class=\"notice\" id=\"notice\" role=\"status\">").append(escape(n)).append("</div>"));
        out.append("<div class=\"body\" id=\"step-body\">").append(Html.markup(view.body())).append("</div>");
        view.migration().ifPresent(choice -> migration(out, view, choice));
        view.scopes().ifPresent(table -> scopes(out, table));
        out.append("<figure><img id=\"step-picture\" src=\"/assets/").append(escape(view.picture().file()))
                .append("\" alt=\"").append(escape(view.picture().alt())).append("\" width=\"800\"></figure>");
        out.append("<div class=\"actions\">");
        view.actions().forEach(a -> button(out, a));
        out.append("</div></form></section>");
    }

    private static void progress(StringBuilder out, StepView view) {
        out.append("<nav class=\"progress\" aria-label=\"Steps\"><span id=\"progress\">").append(escape(view.progress()))
                .append("</span><ol>");
        for (int i = 0; i < view.total(); i++) {
            String state = i < view.index() ? "done" : i == view.index() ? "current" : "todo";
            ActionRef goTo = new ActionRef(ActionKind.GO_TO, i);
            out.append("<li class=\"").append(state).append("\"><button type=\"submit\" name=\"action\" value=\"")
                    .append(goTo.encode()).append("\" title=\"Go to step ").append(i + 1).append("\"")
                    .append(i == view.index() ? " aria-current=\"step\"" : "").append(">").append(i + 1)
                    .append("</button></li>");
        }
        out.append("</ol></nav>");
    }

    private void migration(StringBuilder out, StepView view, StepView.MigrationChoice choice) {
        out.append("<fieldset class=\"choice\" id=\"direction\"><legend>Direction</legend>");
        for (StepView.Option<Direction> option : choice.directions()) {
            out.append("<button type=\"submit\" name=\"action\" class=\"option")
                    .append(option.selected() ? " selected" : "").append("\" aria-pressed=\"").append(option.selected())
                    .append("\" value=\"").append(view.choose(option.value()).encode()).append("\">")
                    .append(option.selected() ? "&#10003; " : "").append(escape(option.label())).append("</button>");
        }
        out.append("</fieldset>");
        if (choice.directions().stream().anyMatch(StepView.Option::selected)) {
            out.append("<fieldset class=\"choice\" id=\"data-sets\"><legend>Data</legend>")
                    .append("<input type=\"hidden\" name=\"data-shown\" value=\"1\">");
            for (StepView.Option<DataSet> option : choice.dataSets()) {
                out.append("<label><input type=\"checkbox\" name=\"data\" value=\"").append(option.value().name())
                        .append("\"").append(option.selected() ? " checked" : "").append("> ")
                        .append(escape(option.label())).append("</label>");
            }
            out.append("</fieldset>");
        }
    }

    private static void scopes(StringBuilder out, StepView.ScopeTable table) {
        out.append("<table class=\"scope-table\" id=\"scope-table\"><thead><tr><th>").append(escape(table.scopeHeader()))
                .append("</th><th>").append(escape(table.accessHeader())).append("</th><th>")
                .append(escape(table.neededHeader())).append("</th></tr></thead><tbody>");
        for (StepView.ScopeRow row : table.rows()) {
            out.append("<tr class=\"").append(row.required() ? "required" : "optional").append("\"><td>")
                    .append(escape(row.scope())).append("</td><td>").append(escape(row.access())).append("</td><td>")
                    .append(escape(row.needed())).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private void form(StringBuilder out, FormView form) {
        out.append("<section class=\"message form\" id=\"credential-form\"><h1>").append(escape(form.title())).append("</h1>")
                .append("<p>").append(escape(form.intro())).append("</p>");
        if (form.hasErrors()) {
            out.append("<div class=\"notice\" role=\"alert\">Some values need another look; see the messages below.</div>");
        }
        out.append("<form method=\"post\" action=\"").append(credentialsPath).append("\" autocomplete=\"off\">");
        for (FormView.FormField field : form.fields()) {
            String name = switch (field.field()) {
                case API_PATH -> API_PATH;
                case CLIENT_ID -> CLIENT_ID;
                case ACCESS_TOKEN -> ACCESS_TOKEN;
                case PASTED_FILE -> PASTED_FILE;
            };
            out.append("<div class=\"field").append(field.error().isPresent() ? " invalid" : "").append("\">")
                    .append("<label for=\"").append(name).append("\">").append(escape(field.label())).append("</label>");
            if (field.multiline()) {
                out.append("<textarea id=\"").append(name).append("\" name=\"").append(name)
                        .append("\" rows=\"6\" spellcheck=\"false\"></textarea>");
            } else {
                out.append("<input id=\"").append(name).append("\" name=\"").append(name).append("\" type=\"")
                        .append(field.secret() ? "password" : "text").append("\" spellcheck=\"false\">");
            }
            out.append("<small>").append(escape(field.hint())).append("</small>");
            field.error().ifPresent(e -> out.append("<div class=\"error\" id=\"").append(name).append("-error\">")
                    .append(escape(e)).append("</div>"));
            out.append("</div>");
        }
        out.append("<p class=\"footnote\">").append(escape(form.privacyNote())).append("</p>")
                .append("<div class=\"actions\"><button type=\"submit\" class=\"primary\" id=\"submit-credentials\">")
                .append(escape(form.submitLabel())).append("</button></div></form></section>");
    }

    private void report(StringBuilder out, ReportView report) {
        out.append("<section class=\"message report ").append(report.valid() ? "valid" : "invalid")
                .append("\" id=\"report\"><h1 id=\"report-headline\">").append(escape(report.headline())).append("</h1>");
        report.store().ifPresent(s -> out.append("<p id=\"report-store\">").append(escape(s)).append("</p>"));
        if (!report.scopes().isEmpty()) {
            out.append("<table class=\"scope-table\" id=\"report-scopes\"><caption>").append(escape(report.scopesHeader()))
                    .append("</caption><tbody>");
            for (ReportView.ScopeLine line : report.scopes()) {
                out.append("<tr class=\"").append(line.ok() ? "ok" : "problem").append("\"><td>")
                        .append(line.ok() ? "&#10003;" : "&#10007;").append("</td><td>").append(escape(line.scope()))
                        .append("</td><td>").append(escape(line.access())).append("</td><td>").append(escape(line.status()))
                        .append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        list(out, "fixes", report.fixes());
        list(out, "notes", report.notes());
        report.receipt().ifPresent(receipt -> out.append("<div class=\"receipt\" id=\"receipt\" data-reference=\"")
                .append(escape(receipt.reference())).append("\"><p id=\"receipt-title\">").append(Html.markup(receipt.title()))
                .append("</p><p id=\"receipt-next\">").append(Html.markup(receipt.next()))
                .append("</p><p id=\"receipt-revoke\">").append(Html.markup(receipt.revoke())).append("</p></div>"));
        if (!report.actions().isEmpty()) {
            out.append("<form method=\"post\" action=\"").append(actionsPath).append("\"><div class=\"actions\">");
            report.actions().forEach(a -> button(out, a));
            out.append("</div></form>");
        }
        out.append("</section>");
    }

    private static void list(StringBuilder out, String id, List<String> items) {
        if (!items.isEmpty()) {
            out.append("<ul id=\"report-").append(id).append("\">");
            items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>"));
            out.append("</ul>");
        }
    }

    private static void button(StringBuilder out, Action action) {
        String style = switch (action.style()) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> "secondary";
        };
        out.append("<button type=\"submit\" name=\"action\" class=\"").append(style).append("\" value=\"")
                .append(escape(action.ref().encode())).append("\">").append(escape(action.label())).append("</button>");
    }

    private String page(String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>BigCommerce setup assistant</title>
                <style>
                body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f4f7;color:#1d2330;margin:0}
                header{background:#1d2330;color:#fff;padding:12px 24px;font-weight:600}
                header small{font-weight:400;opacity:.75;margin-left:8px}
                main{max-width:860px;margin:24px auto;padding:0 16px}
                .message{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:20px 24px;margin-bottom:16px}
                h1{font-size:22px;margin:8px 0 12px}
                .notice{background:#fff6e0;border-left:4px solid #f0a000;padding:8px 12px;margin:8px 0 12px}
                .help{background:#eef4ff;border-left:4px solid #3c64f4;padding:12px 20px;border-radius:10px;margin-bottom:16px}
                .help h2{font-size:17px;margin:0 0 6px}
                .progress{display:flex;align-items:center;gap:12px;color:#5b6476;font-size:14px}
                .progress ol{display:flex;gap:6px;list-style:none;margin:0;padding:0}
                .progress li button{width:28px;height:28px;padding:0;border-radius:50%;border:1px solid #c4c9d4;background:#fff;cursor:pointer}
                .progress li.done button{background:#d9e3ff;border-color:#3c64f4}
                .progress li.current button{background:#3c64f4;color:#fff;border-color:#3c64f4;font-weight:700}
                figure{margin:16px 0}
                figure img{max-width:100%;height:auto;border:1px solid #dde1e8;border-radius:6px}
                .actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
                button{font:inherit;padding:8px 16px;border-radius:6px;border:1px solid #c4c9d4;background:#fff;cursor:pointer}
                button.primary{background:#3c64f4;border-color:#3c64f4;color:#fff;font-weight:600}
                button.danger{color:#b42318;border-color:#e4b4ae}
                fieldset.choice{border:0;padding:0;margin:12px 0;display:flex;flex-wrap:wrap;gap:12px;align-items:center}
                fieldset.choice legend{font-weight:600;margin-bottom:6px}
                button.option.selected{background:#e6f4ea;border-color:#1e7e34;font-weight:600}
                table.scope-table{border-collapse:collapse;margin:12px 0;min-width:60%}
                table.scope-table th,table.scope-table td{border-bottom:1px solid #e3e6ec;padding:6px 12px;text-align:left}
                table.scope-table tr.optional td{color:#5b6476}
                .footnote{color:#5b6476;font-size:14px}
                .field{margin:12px 0;display:flex;flex-direction:column;gap:4px}
                .field label{font-weight:600}
                .field input,.field textarea{font:15px ui-monospace,monospace;padding:8px;border:1px solid #c4c9d4;border-radius:6px}
                .field small{color:#5b6476}
                .field.invalid input,.field.invalid textarea{border-color:#b42318}
                .error{color:#b42318}
                .report.valid h1{color:#1e7e34}
                .report.invalid h1{color:#b42318}
                table.scope-table caption{text-align:left;font-weight:600;padding:4px 0}
                table.scope-table tr.problem td{color:#b42318}
                </style></head>
                <body><header>BigCommerce setup assistant<small>""" + escape(target.subtitle()) + """
                </small></header>
                <main>
                """ + body + "</main></body></html>\n";
    }
}
