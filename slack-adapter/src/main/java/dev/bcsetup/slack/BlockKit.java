package dev.bcsetup.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.image;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.SlackFileObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.bcsetup.conversation.Action;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.StepView;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.Markup;
import dev.bcsetup.flow.Picture;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Core replies drawn as Block Kit: a step is one message (header, progress, picture, text, the step's
 * choices or scope table, buttons); help and notices are short messages beside it. Every text is cut to
 * Slack's limits here, so no flow file can produce a payload Slack refuses.
 */
final class BlockKit {

    /** Button action IDs start with this; the button's value is the core's {@code ActionRef}. */
    static final String ACTION_PREFIX = "bc.";
    static final String DATA_SETS_BLOCK = "data_sets";
    static final String DATA_SETS_ACTION = "data_sets";
    static final String HOME_CONTINUE = "home.continue";
    static final String HOME_START = "home.start";

    static final int SECTION_TEXT_MAX = 3000;
    static final int HEADER_TEXT_MAX = 150;
    static final int BUTTON_TEXT_MAX = 75;
    static final int OPTION_TEXT_MAX = 75;
    static final int ALT_TEXT_MAX = 2000;
    static final int FALLBACK_TEXT_MAX = 3000;

    private final Optional<URI> publicBaseUrl;
    private final SlackTexts texts;

    private final Function<Picture, Optional<String>> uploaded;

    BlockKit(Optional<URI> publicBaseUrl, SlackTexts texts) {
        this(publicBaseUrl, texts, picture -> Optional.empty());
    }

    /** {@code uploaded}: the Slack file to show a picture by when there is no public URL (empty: describe it). */
    BlockKit(Optional<URI> publicBaseUrl, SlackTexts texts, Function<Picture, Optional<String>> uploaded) {
        this.publicBaseUrl = publicBaseUrl;
        this.texts = texts;
        this.uploaded = uploaded;
    }

    /** The one message that shows a step; updated in place as the merchant moves. */
    List<LayoutBlock> step(StepView view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(cut(view.title(), HEADER_TEXT_MAX)))));
        blocks.add(context(c -> c.elements(List.of(plainText(view.progress())))));
        String alt = cut(view.picture().alt().isBlank() ? view.title() : view.picture().alt(), ALT_TEXT_MAX);
        if (publicBaseUrl.isPresent()) {
            String url = publicBaseUrl.get() + "/assets/" + view.picture().file();
            blocks.add(image(i -> i.imageUrl(url).altText(alt)));
        } else if (uploaded.apply(view.picture()).isPresent()) {
            String fileId = uploaded.apply(view.picture()).get();
            blocks.add(image(i -> i.slackFile(SlackFileObject.builder().id(fileId).build()).altText(alt)));
        } else {
            blocks.add(context(c -> c.elements(List.of(
                    markdownText(cut(texts.get(SlackText.PICTURE_OFFLINE, "alt", Mrkdwn.escape(alt)), SECTION_TEXT_MAX))))));
        }
        sections(Mrkdwn.paragraphs(view.body()), blocks);
        view.migration().ifPresent(choice -> migration(view, choice, blocks));
        view.scopes().ifPresent(table -> blocks.add(section(s -> s.text(markdownText(scopeTable(table))))));
        blocks.add(actions(a -> a.blockId("nav").elements(buttons(view.actions()))));
        return blocks;
    }

    /** The notification text of a step message (what a phone shows). */
    static String stepFallback(StepView view) {
        return cut(view.progress() + ": " + Markup.plain(view.title()), FALLBACK_TEXT_MAX);
    }

    List<LayoutBlock> help(Reply.HelpShown help) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("*" + Mrkdwn.escape(help.title()) + "*");
        paragraphs.addAll(Mrkdwn.paragraphs(help.body()));
        List<LayoutBlock> blocks = new ArrayList<>();
        sections(paragraphs, blocks);
        return blocks;
    }

    List<LayoutBlock> notice(String markup, List<Action> actions) {
        List<LayoutBlock> blocks = new ArrayList<>();
        sections(Mrkdwn.paragraphs(markup), blocks);
        if (!actions.isEmpty()) {
            blocks.add(actions(a -> a.blockId("notice").elements(buttons(actions))));
        }
        return blocks;
    }

    /** The App Home tab: where the merchant is, and one button to carry on. */
    View home(String status, boolean hasSetup) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(texts.get(SlackText.HOME_TITLE)))));
        blocks.add(section(s -> s.text(markdownText(cut(status, SECTION_TEXT_MAX)))));
        String label = texts.get(hasSetup ? SlackText.HOME_CONTINUE : SlackText.HOME_START);
        String actionId = hasSetup ? HOME_CONTINUE : HOME_START;
        blocks.add(actions(a -> a.blockId("home").elements(List.of(
                button(b -> b.actionId(actionId).text(plainText(label)).value(actionId).style("primary"))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(texts.get(SlackText.HOME_HINT, "command", SlackTexts.COMMAND))))));
        return View.builder().type("home").blocks(blocks).build();
    }

    private static void migration(StepView view, StepView.MigrationChoice choice, List<LayoutBlock> blocks) {
        List<BlockElement> directions = new ArrayList<>();
        for (StepView.Option<Direction> option : choice.directions()) {
            String value = view.choose(option.value()).encode();
            directions.add(button(b -> b.actionId(ACTION_PREFIX + value).value(value)
                    .text(plainText((option.selected() ? "✓ " : "") + cut(option.label(), BUTTON_TEXT_MAX - 2)))
                    .style(option.selected() ? "primary" : null)));
        }
        blocks.add(actions(a -> a.blockId("direction").elements(directions)));
        List<OptionObject> options = new ArrayList<>();
        List<OptionObject> ticked = new ArrayList<>();
        for (StepView.Option<DataSet> option : choice.dataSets()) {
            OptionObject object = OptionObject.builder()
                    .text(plainText(cut(option.label(), OPTION_TEXT_MAX))).value(option.value().name()).build();
            options.add(object);
            if (option.selected()) {
                ticked.add(object);
            }
        }
        blocks.add(actions(a -> a.blockId(DATA_SETS_BLOCK).elements(List.of(checkboxes(c -> c.actionId(DATA_SETS_ACTION)
                .options(options).initialOptions(ticked.isEmpty() ? null : ticked))))));
    }

    private static String scopeTable(StepView.ScopeTable table) {
        StringBuilder text = new StringBuilder("*" + Mrkdwn.escape(table.scopeHeader()) + "*: *"
                + Mrkdwn.escape(table.accessHeader()) + "* (" + Mrkdwn.escape(table.neededHeader()) + ")");
        for (StepView.ScopeRow row : table.rows()) {
            text.append("\n• ").append(Mrkdwn.escape(row.scope())).append(": *").append(Mrkdwn.escape(row.access()))
                    .append("* (").append(Mrkdwn.escape(row.needed())).append(')');
        }
        return cut(text.toString(), SECTION_TEXT_MAX);
    }

    static List<BlockElement> buttons(List<Action> actions) {
        List<BlockElement> buttons = new ArrayList<>();
        for (Action action : actions) {
            String value = action.ref().encode();
            buttons.add(button(b -> b.actionId(ACTION_PREFIX + value).value(value)
                    .text(plainText(cut(action.label(), BUTTON_TEXT_MAX)))
                    .style(switch (action.style()) {
                        case PRIMARY -> "primary";
                        case DANGER -> "danger";
                        case DEFAULT -> null;
                    })));
        }
        return buttons;
    }

    /** Paragraphs packed into as few sections as fit Slack's 3000-character limit. */
    static void sections(List<String> paragraphs, List<LayoutBlock> blocks) {
        StringBuilder current = new StringBuilder();
        for (String paragraph : paragraphs) {
            String piece = cut(paragraph, SECTION_TEXT_MAX);
            if (current.length() > 0 && current.length() + 2 + piece.length() > SECTION_TEXT_MAX) {
                String text = current.toString();
                blocks.add(section(s -> s.text(markdownText(text))));
                current.setLength(0);
            }
            current.append(current.length() > 0 ? "\n\n" : "").append(piece);
        }
        if (current.length() > 0) {
            String text = current.toString();
            blocks.add(section(s -> s.text(markdownText(text))));
        }
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
