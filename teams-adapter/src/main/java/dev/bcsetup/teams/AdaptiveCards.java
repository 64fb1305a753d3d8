package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.microsoft.bot.schema.Attachment;
import dev.bcsetup.conversation.Action;
import dev.bcsetup.conversation.ActionKind;
import dev.bcsetup.conversation.FormView;
import dev.bcsetup.conversation.ReportView;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.StepView;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Draws core replies as Adaptive Cards (schema 1.5, what Teams renders). Every button is an
 * {@code Action.Submit} whose data names the button ({@link dev.bcsetup.conversation.ActionRef#encode()}) and
 * whose setup it belongs to, so a click in a group chat finds the right setup whoever presses it.
 */
final class AdaptiveCards {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    /** The data-set choice's input id; its value arrives beside the button's data. */
    static final String DATA_SETS_INPUT = "dataSets";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Optional<URI> publicBaseUrl;

    /** {@code publicBaseUrl}: the https origin serving {@code /assets/}; empty in local mode, where cards say so instead. */
    AdaptiveCards(Optional<URI> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * A card as a message attachment, its content already written as JSON. The SDK's connector client walks every
     * key of a tree-shaped content with two regular expressions compiled per key (its "flattening" serializer),
     * which cost more than the rest of a Teams turn; pre-written JSON is copied as it is.
     */
    static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(new RawValue(card.toString()));
        return attachment;
    }

    ObjectNode step(StepView view, SessionKey owner, TeamsTexts texts) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        body.add(textBlock(view.progress()).put("isSubtle", true).put("size", "Small").put("spacing", "None"));
        body.add(textBlock(view.title()).put("weight", "Bolder").put("size", "Large"));
        view.notice().ifPresent(notice -> body.add(container("accent", textBlock(notice))));
        body.add(picture(view, texts));
        TeamsMarkdown.blocks(view.body()).forEach(text -> body.add(textBlock(text)));
        view.migration().ifPresent(choice -> addMigrationChoice(body, view, choice, owner));
        view.scopes().ifPresent(table -> body.add(scopeTable(table)));
        ArrayNode actions = card.putArray("actions");
        for (Action action : view.actions()) {
            actions.add(submit(action, owner));
        }
        card.put("fallbackText", view.progress() + ": " + view.title());
        return card;
    }

    /** A short notice with buttons; notices without buttons are sent as plain text instead. */
    ObjectNode notice(String text, List<Action> buttons, SessionKey owner) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        TeamsMarkdown.blocks(text).forEach(block -> body.add(textBlock(block)));
        ArrayNode actions = card.putArray("actions");
        buttons.forEach(button -> actions.add(submit(button, owner)));
        return card;
    }

    /**
     * The credential form for the dialog. Inputs start empty every time: a re-rendered form never carries back what
     * was typed, because merchants paste tokens into the wrong field, and an invoke answer is a card sent too.
     */
    ObjectNode form(FormView form, SessionKey owner, TeamsTexts texts) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        body.add(textBlock(form.title()).put("weight", "Bolder").put("size", "Medium"));
        TeamsMarkdown.blocks(form.intro()).forEach(text -> body.add(textBlock(text)));
        if (form.hasErrors()) {
            body.add(container("attention", textBlock(texts.get("form.has.errors")).put("color", "Attention")));
        }
        for (FormView.FormField field : form.fields()) {
            ObjectNode input = JSON.objectNode();
            input.put("type", "Input.Text");
            input.put("id", DialogRequest.inputId(field.field()));
            input.put("label", field.label());
            if (field.multiline()) {
                input.put("isMultiline", true);
            } else if (field.secret()) {
                // Masks on the screen only; the value still travels in the submit, and is never sent back.
                input.put("style", "password");
            }
            input.put("maxLength", field.multiline() ? 4000 : 500);
            body.add(input);
            body.add(textBlock(field.hint()).put("isSubtle", true).put("size", "Small").put("spacing", "None"));
            field.error().ifPresent(error -> body.add(textBlock(error).put("color", "Attention").put("spacing", "None")));
        }
        body.add(textBlock(form.privacyNote()).put("isSubtle", true).put("size", "Small"));
        ObjectNode submit = dialogSubmit(DialogRequest.SEND, owner);
        submit.put("title", form.submitLabel());
        submit.put("style", "positive");
        card.putArray("actions").add(submit);
        card.put("fallbackText", form.title());
        return card;
    }

    /** The live check's result in the chat: its "Try again" opens the dialog again. */
    ObjectNode report(ReportView report, SessionKey owner) {
        ObjectNode card = reportBody(report);
        ArrayNode actions = card.putArray("actions");
        report.actions().forEach(action -> actions.add(submit(action, owner)));
        return card;
    }

    /**
     * The same result inside the dialog. A button in a dialog can only submit the dialog, so "Try again" asks for
     * the form again through {@code task/submit}; the other buttons belong to the chat's card.
     */
    ObjectNode reportInDialog(ReportView report, SessionKey owner, TeamsTexts texts) {
        ObjectNode card = reportBody(report);
        ArrayNode actions = card.putArray("actions");
        for (Action action : report.actions()) {
            if (action.ref().kind() == ActionKind.OPEN_FORM) {
                ObjectNode retry = dialogSubmit(DialogRequest.RETRY, owner);
                retry.with("data").put(DialogRequest.STEP, action.ref().step());
                retry.put("title", action.label());
                retry.put("style", "positive");
                actions.add(retry);
            }
        }
        actions.add(dialogSubmit(DialogRequest.CLOSE, owner).put("title", texts.get("dialog.close")));
        return card;
    }

    private static ObjectNode reportBody(ReportView report) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        body.add(textBlock(report.headline()).put("weight", "Bolder").put("size", "Large")
                .put("color", report.valid() ? "Good" : "Attention"));
        report.store().ifPresent(store -> body.add(textBlock(store)));
        if (!report.scopes().isEmpty()) {
            body.add(textBlock(report.scopesHeader()).put("weight", "Bolder"));
            ObjectNode facts = JSON.objectNode();
            facts.put("type", "FactSet");
            ArrayNode list = facts.putArray("facts");
            for (ReportView.ScopeLine line : report.scopes()) {
                list.addObject().put("title", (line.ok() ? "\u2714 " : "\u2716 ") + line.scope())
                        .put("value", line.access() + ": " + line.status());
            }
            body.add(facts);
        }
        report.fixes().forEach(fix -> body.add(textBlock("- " + fix).put("color", "Attention")));
        report.notes().forEach(note -> body.add(textBlock(note)));
        report.receipt().ifPresent(receipt -> {
            ObjectNode box = JSON.objectNode();
            box.put("type", "Container");
            box.put("style", "good");
            ArrayNode items = box.putArray("items");
            items.add(textBlock(TeamsMarkdown.message(receipt.title())).put("weight", "Bolder"));
            items.add(textBlock(TeamsMarkdown.message(receipt.next())));
            items.add(textBlock(TeamsMarkdown.message(receipt.revoke())));
            body.add(box);
        });
        card.put("fallbackText", report.headline());
        return card;
    }

    private ObjectNode picture(StepView view, TeamsTexts texts) {
        if (publicBaseUrl.isEmpty()) {
            // A data: URI of a step picture would break Teams' 40 KB message limit: say where pictures come from.
            return textBlock(texts.get("picture.local", "alt", view.picture().alt())).put("isSubtle", true);
        }
        ObjectNode image = JSON.objectNode();
        image.put("type", "Image");
        image.put("url", publicBaseUrl.get() + "/assets/" + view.picture().file());
        image.put("altText", view.picture().alt());
        image.put("size", "Stretch");
        return image;
    }

    private void addMigrationChoice(ArrayNode body, StepView view, StepView.MigrationChoice choice, SessionKey owner) {
        ObjectNode directions = JSON.objectNode();
        directions.put("type", "ActionSet");
        ArrayNode buttons = directions.putArray("actions");
        for (StepView.Option<Direction> option : choice.directions()) {
            ObjectNode button = submitData(view.choose(option.value()).encode(), owner);
            button.put("title", option.selected() ? "\u2714 " + option.label() : option.label());
            if (option.selected()) {
                button.put("style", "positive");
            }
            buttons.add(button);
        }
        body.add(directions);

        ObjectNode dataSets = JSON.objectNode();
        dataSets.put("type", "Input.ChoiceSet");
        dataSets.put("id", DATA_SETS_INPUT);
        dataSets.put("isMultiSelect", true);
        dataSets.put("style", "expanded");
        ArrayNode choices = dataSets.putArray("choices");
        for (StepView.Option<DataSet> option : choice.dataSets()) {
            choices.addObject().put("title", option.label()).put("value", option.value().name());
        }
        dataSets.put("value", choice.dataSets().stream().filter(StepView.Option::selected)
                .map(o -> o.value().name()).collect(Collectors.joining(",")));
        body.add(dataSets);
    }

    private static ObjectNode scopeTable(StepView.ScopeTable table) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "Table");
        node.put("firstRowAsHeader", true);
        node.put("gridStyle", "accent");
        ArrayNode columns = node.putArray("columns");
        columns.addObject().put("width", 3);
        columns.addObject().put("width", 2);
        columns.addObject().put("width", 2);
        ArrayNode rows = node.putArray("rows");
        rows.add(row(true, table.scopeHeader(), table.accessHeader(), table.neededHeader()));
        for (StepView.ScopeRow row : table.rows()) {
            rows.add(row(false, row.scope(), row.access(), row.needed()));
        }
        return node;
    }

    private static ObjectNode row(boolean header, String... cells) {
        ObjectNode row = JSON.objectNode();
        row.put("type", "TableRow");
        ArrayNode items = row.putArray("cells");
        for (String cell : cells) {
            ObjectNode text = textBlock(cell);
            if (header) {
                text.put("weight", "Bolder");
            }
            ObjectNode tableCell = items.addObject();
            tableCell.put("type", "TableCell");
            tableCell.putArray("items").add(text);
        }
        return row;
    }

    private static ObjectNode submit(Action action, SessionKey owner) {
        ObjectNode button = submitData(action.ref().encode(), owner);
        button.put("title", action.label());
        switch (action.style()) {
            case PRIMARY -> button.put("style", "positive");
            case DANGER -> button.put("style", "destructive");
            case DEFAULT -> { }
        }
        return button;
    }

    private static ObjectNode submitData(String encodedAction, SessionKey owner) {
        ObjectNode button = JSON.objectNode();
        button.put("type", "Action.Submit");
        ObjectNode data = button.putObject("data");
        if (encodedAction.startsWith(ActionKind.OPEN_FORM.name().toLowerCase(java.util.Locale.ROOT) + ":")) {
            // Teams then sends task/fetch and opens the dialog our answer describes, instead of a message.
            data.putObject("msteams").put("type", "task/fetch");
        }
        data.put(CardSubmit.ACTION, encodedAction);
        data.put(CardSubmit.USER, owner.user());
        owner.customerId().ifPresent(customer -> data.put(CardSubmit.CUSTOMER, customer));
        return button;
    }

    /** A button inside the dialog: it submits the dialog ({@code task/submit}) with what it is and whose setup. */
    private static ObjectNode dialogSubmit(String kind, SessionKey owner) {
        ObjectNode button = JSON.objectNode();
        button.put("type", "Action.Submit");
        ObjectNode data = button.putObject("data");
        data.put(DialogRequest.DIALOG, kind);
        data.put(CardSubmit.USER, owner.user());
        owner.customerId().ifPresent(customer -> data.put(CardSubmit.CUSTOMER, customer));
        return button;
    }

    /** The answer to a dialog invoke that shows {@code card} in the dialog. */
    static ObjectNode dialogContinue(String title, ObjectNode card) {
        ObjectNode response = JSON.objectNode();
        ObjectNode value = response.putObject("task").put("type", "continue").putObject("value");
        value.put("title", title);
        value.put("height", "large");
        value.put("width", "medium");
        value.putObject("card").put("contentType", CONTENT_TYPE).set("content", card);
        return response;
    }

    /** The answer to a dialog invoke that closes it with a short message. */
    static ObjectNode dialogMessage(String text) {
        ObjectNode response = JSON.objectNode();
        response.putObject("task").put("type", "message").put("value", text);
        return response;
    }

    private static ObjectNode card() {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", VERSION);
        return card;
    }

    private static ObjectNode container(String style, ObjectNode item) {
        ObjectNode container = JSON.objectNode();
        container.put("type", "Container");
        container.put("style", style);
        container.putArray("items").add(item);
        return container;
    }

    private static ObjectNode textBlock(String text) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }
}
