package dev.bcsetup.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.bcsetup.conversation.FormView;
import dev.bcsetup.conversation.ReportView;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.Field;
import dev.bcsetup.flow.Markup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secure credential form as a Slack modal, and the views that replace it while and after the live
 * check. Block Kit has no masked input, so the form says plainly where the values go; no view built here
 * ever carries a value the merchant typed, and {@code private_metadata} holds only the DM channel.
 */
final class CredentialModals {

    static final String CALLBACK_ID = "bc.credentials";
    static final int TITLE_MAX = 24;
    static final int HINT_MAX = 2000;
    static final int ERROR_MAX = 300;

    private static final Pattern METADATA = Pattern.compile("\\{\"dm\":\"(D[A-Z0-9]{2,30})\"}");

    private final SlackTexts texts;

    CredentialModals(SlackTexts texts) {
        this.texts = texts;
    }

    /** The input block (and its input's action ID) that holds a field; where {@code response_action: errors} points. */
    static String blockId(Field field) {
        return field.name().toLowerCase(Locale.ROOT);
    }

    /** The form: one input per field (the .txt paste multiline), all optional as the file may stand in for them. */
    View form(FormView form, String metadata, Optional<String> notice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        notice.ifPresent(n -> blocks.add(section(s -> s.text(markdownText(BlockKit.cut(n, BlockKit.SECTION_TEXT_MAX))))));
        BlockKit.sections(Mrkdwn.paragraphs(form.intro()), blocks);
        for (FormView.FormField field : form.fields()) {
            PlainTextInputElement input = PlainTextInputElement.builder().actionId(blockId(field.field()))
                    .multiline(field.multiline()).build();
            blocks.add(InputBlock.builder().blockId(blockId(field.field())).optional(true)
                    .label(plainText(BlockKit.cut(field.label(), 2000)))
                    .hint(plainText(BlockKit.cut(field.hint(), HINT_MAX)))
                    .element(input).build());
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(BlockKit.cut(Mrkdwn.of(form.privacyNote()),
                BlockKit.SECTION_TEXT_MAX))))));
        return modal(form.title(), metadata, blocks)
                .submit(ViewSubmit.builder().type("plain_text").text(BlockKit.cut(form.submitLabel(), TITLE_MAX)).build())
                .close(close(SlackText.MODAL_CANCEL))
                .build();
    }

    /** Each field's problem under the field it belongs to; Slack keeps what was typed. */
    static Map<String, String> errors(FormView form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormView.FormField field : form.fields()) {
            field.error().ifPresent(e -> errors.put(blockId(field.field()), BlockKit.cut(e, ERROR_MAX)));
        }
        return errors;
    }

    /** What the merchant typed, read from the submitted view's state; never logged, never sent back. */
    static CredentialForm read(Map<String, Map<String, ViewState.Value>> values) {
        return new CredentialForm(value(values, Field.API_PATH), value(values, Field.CLIENT_ID),
                value(values, Field.ACCESS_TOKEN), value(values, Field.PASTED_FILE));
    }

    private static String value(Map<String, Map<String, ViewState.Value>> values, Field field) {
        if (values == null) {
            return null;
        }
        Map<String, ViewState.Value> block = values.get(blockId(field));
        ViewState.Value value = block == null ? null : block.get(blockId(field));
        return value == null ? null : value.getValue();
    }

    /** Shown at once while BigCommerce is asked (it can take several seconds). */
    View checking(String title, String text, String metadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(BlockKit.cut(":hourglass_flowing_sand: " + Mrkdwn.of(text),
                BlockKit.SECTION_TEXT_MAX)))));
        return modal(title, metadata, blocks).close(close(SlackText.MODAL_CLOSE)).build();
    }

    /** The report in the modal: success says so; a failure lists the fixes with Try again and I'm stuck. */
    View report(String title, ReportView report, String metadata) {
        return modal(title, metadata, reportBlocks(report))
                .close(close(report.valid() ? SlackText.MODAL_DONE : SlackText.MODAL_CLOSE)).build();
    }

    /** A short message in the modal, for answers that are neither errors nor a check (not allowed, already checking). */
    View notice(String text, String metadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        BlockKit.sections(Mrkdwn.paragraphs(text), blocks);
        return modal(texts.get(SlackText.MODAL_NOTICE_TITLE), metadata, blocks).close(close(SlackText.MODAL_CLOSE)).build();
    }

    /** The report's blocks, the same in the modal and in the DM's step message. */
    List<LayoutBlock> reportBlocks(ReportView report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add((report.valid() ? ":white_check_mark: " : ":warning: ") + "*" + Mrkdwn.escape(plain(report.headline())) + "*");
        report.store().ifPresent(store -> paragraphs.add(Mrkdwn.of(store)));
        // The reference is what the merchant quotes to the migration team: first, and in bold.
        report.receipt().ifPresent(receipt -> {
            paragraphs.add(":receipt: *" + Mrkdwn.escape(plain(receipt.title())) + ": " + Mrkdwn.escape(receipt.reference()) + "*");
            paragraphs.add(Mrkdwn.of(receipt.next()));
            paragraphs.add(Mrkdwn.of(receipt.revoke()));
        });
        BlockKit.sections(paragraphs, blocks);
        if (!report.scopes().isEmpty()) {
            StringBuilder scopes = new StringBuilder("*" + Mrkdwn.escape(report.scopesHeader()) + "*");
            for (ReportView.ScopeLine line : report.scopes()) {
                scopes.append("\n").append(texts.get(line.ok() ? SlackText.SCOPE_OK : SlackText.SCOPE_PROBLEM)).append(' ')
                        .append(Mrkdwn.escape(line.scope())).append(": ").append(Mrkdwn.escape(line.access()))
                        .append(" (").append(Mrkdwn.escape(line.status())).append(')');
            }
            String text = BlockKit.cut(scopes.toString(), BlockKit.SECTION_TEXT_MAX);
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        if (!report.fixes().isEmpty()) {
            List<String> fixes = new ArrayList<>();
            fixes.add("*" + Mrkdwn.escape(texts.get(SlackText.FIXES_HEADER)) + "*");
            for (String fix : report.fixes()) {
                fixes.add("• " + Mrkdwn.of(fix).replace("\n\n", "\n"));
            }
            BlockKit.sections(List.of(String.join("\n", fixes)), blocks);
        }
        List<String> notes = report.notes().stream().map(Mrkdwn::of).toList();
        if (!notes.isEmpty()) {
            BlockKit.sections(notes, blocks);
        }
        if (!report.actions().isEmpty()) {
            blocks.add(actions(a -> a.blockId("report").elements(BlockKit.buttons(report.actions()))));
        }
        return blocks;
    }

    /** The notification text of a report message. */
    static String reportFallback(ReportView report) {
        return BlockKit.cut(plain(report.headline()), BlockKit.FALLBACK_TEXT_MAX);
    }

    private static String plain(String markup) {
        return Markup.plain(markup);
    }

    private static View.ViewBuilder modal(String title, String metadata, List<LayoutBlock> blocks) {
        return View.builder().type("modal").callbackId(CALLBACK_ID)
                .title(ViewTitle.builder().type("plain_text").text(BlockKit.cut(title, TITLE_MAX)).build())
                .privateMetadata(metadata)
                .blocks(blocks);
    }

    private ViewClose close(SlackText label) {
        return ViewClose.builder().type("plain_text").text(BlockKit.cut(texts.get(label), TITLE_MAX)).build();
    }

    /** Only the DM channel, so the report can update the step message: never a value the merchant typed. */
    static String metadata(Optional<String> dm) {
        return dm.filter(CredentialModals::isDm).map(d -> "{\"dm\":\"" + d + "\"}").orElse("");
    }

    static Optional<String> dmFrom(String metadata) {
        Matcher m = METADATA.matcher(metadata == null ? "" : metadata);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static boolean isDm(String channel) {
        return channel != null && channel.matches("D[A-Z0-9]{2,30}");
    }
}
