package dev.bcsetup.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewTitle;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.Flow;
import dev.bcsetup.flow.Text;
import dev.bcsetup.handoff.HandOffNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The engineers' side in Block Kit: the channel message for a hand-off (masked values, Reveal and Mark
 * received, whose value is the hand-off ID and nothing else) and the private modal that reveals the secret.
 */
final class HandOffBlocks {

    static final String ACTIONS_BLOCK = "handoff";
    static final String REVEAL = "handoff.reveal";
    static final String RECEIVED = "handoff.received";
    static final String REVEAL_CALLBACK = "bc.reveal";

    private final SlackTexts texts;
    private final Flow flow;

    HandOffBlocks(SlackTexts texts, Flow flow) {
        this.texts = texts;
        this.flow = flow;
    }

    String fallback(HandOffNotice notice) {
        return BlockKit.cut(texts.get(SlackText.HANDOFF_FALLBACK, "store", orDash(notice.storeName()),
                "hash", orDash(notice.storeHash()), "reference", notice.reference()), BlockKit.FALLBACK_TEXT_MAX);
    }

    List<LayoutBlock> notice(HandOffNotice notice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(BlockKit.cut(texts.get(SlackText.HANDOFF_TITLE, "store",
                orDash(notice.storeName())), BlockKit.HEADER_TEXT_MAX)))));
        String direction = notice.direction() == null ? "-" : flow.text(notice.direction() == Direction.TO_BIGCOMMERCE
                ? Text.LABEL_DIRECTION_TO : Text.LABEL_DIRECTION_FROM);
        String dataSets = notice.dataSets().stream().sorted().map(this::label).collect(Collectors.joining(", "));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.get(SlackText.HANDOFF_STORE, "store", Mrkdwn.escape(orDash(notice.storeName())),
                "domain", Mrkdwn.escape(orDash(notice.storeDomain())), "hash", Mrkdwn.escape(orDash(notice.storeHash()))));
        paragraphs.add(texts.get(SlackText.HANDOFF_DATA_SETS, "direction", Mrkdwn.escape(direction),
                "dataSets", Mrkdwn.escape(dataSets.isEmpty() ? "-" : dataSets)));
        if (!notice.scopes().isEmpty()) {
            StringBuilder scopes = new StringBuilder(texts.get(SlackText.HANDOFF_SCOPES));
            for (HandOffNotice.ScopeSummary scope : notice.scopes()) {
                scopes.append("\n• ").append(Mrkdwn.escape(scope.scope())).append(": ").append(Mrkdwn.escape(scope.access()))
                        .append(" (").append(Mrkdwn.escape(scope.status())).append(')');
            }
            paragraphs.add(scopes.toString());
        }
        paragraphs.add(texts.get(SlackText.HANDOFF_CREDENTIALS, "clientId", code(notice.maskedClientId()),
                "token", code(notice.maskedAccessToken())));
        BlockKit.sections(paragraphs, blocks);
        HandOffNotice.Submitter who = notice.submitter();
        String agent = who == null ? "" : who.agent().map(a -> texts.get(SlackText.HANDOFF_AGENT, "agent", person(who.platform(), a)))
                .orElse("");
        String submitted = texts.get(SlackText.HANDOFF_SUBMITTED, "reference", code(notice.reference()),
                "merchant", who == null ? "-" : person(who.platform(), who.merchant()),
                "workspace", who == null ? "-" : code(who.workspace()),
                "platform", who == null ? "-" : platform(who.platform()), "agent", agent);
        blocks.add(context(c -> c.elements(List.of(markdownText(BlockKit.cut(submitted, BlockKit.SECTION_TEXT_MAX))))));
        blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK).elements(List.of(
                button(b -> b.actionId(REVEAL).value(notice.handOffId()).style("primary")
                        .text(plainText(BlockKit.cut(texts.get(SlackText.HANDOFF_REVEAL), BlockKit.BUTTON_TEXT_MAX)))),
                button(b -> b.actionId(RECEIVED).value(notice.handOffId())
                        .text(plainText(BlockKit.cut(texts.get(SlackText.HANDOFF_MARK_RECEIVED), BlockKit.BUTTON_TEXT_MAX))))))));
        return blocks;
    }

    /** Shown at once with the click's trigger, while who the engineer is gets checked. */
    View loading() {
        return modal(List.of(section(s -> s.text(markdownText(texts.get(SlackText.REVEAL_LOADING))))));
    }

    /** The secret, to one authorised engineer, in a modal only they see. */
    View revealed(String reference, Credentials credentials) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(texts.get(SlackText.REVEAL_INTRO, "reference", code(reference))))));
        blocks.add(value(texts.get(SlackText.REVEAL_API_PATH), credentials.apiPath()));
        blocks.add(value(texts.get(SlackText.REVEAL_CLIENT_ID), credentials.clientId().value()));
        blocks.add(value(texts.get(SlackText.REVEAL_ACCESS_TOKEN), credentials.accessToken().value()));
        return modal(blocks);
    }

    View message(String text) {
        return modal(List.of(section(s -> s.text(markdownText(BlockKit.cut(text, BlockKit.SECTION_TEXT_MAX))))));
    }

    private LayoutBlock value(String label, String value) {
        // A code block, so a triple click selects exactly the value.
        return section(s -> s.text(markdownText("*" + Mrkdwn.escape(label) + "*\n```" + Mrkdwn.escape(value) + "```")));
    }

    private View modal(List<LayoutBlock> blocks) {
        return View.builder().type("modal").callbackId(REVEAL_CALLBACK)
                .title(ViewTitle.builder().type("plain_text")
                        .text(BlockKit.cut(texts.get(SlackText.REVEAL_TITLE), CredentialModals.TITLE_MAX)).build())
                .close(ViewClose.builder().type("plain_text")
                        .text(BlockKit.cut(texts.get(SlackText.MODAL_CLOSE), CredentialModals.TITLE_MAX)).build())
                .blocks(blocks).build();
    }

    private String label(DataSet dataSet) {
        return flow.text(switch (dataSet) {
            case PRODUCTS -> Text.LABEL_DATA_PRODUCTS;
            case CUSTOMERS -> Text.LABEL_DATA_CUSTOMERS;
            case ORDERS -> Text.LABEL_DATA_ORDERS;
        });
    }

    /** A Slack user as a mention engineers can click; people on other platforms by their ID. */
    static String person(Platform platform, String id) {
        if (id == null) {
            return "-";
        }
        return platform == Platform.SLACK && id.matches("[UW][A-Z0-9]{2,30}") ? "<@" + id + ">" : code(id);
    }

    private static String platform(Platform platform) {
        return platform.name().charAt(0) + platform.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static String code(String text) {
        return "`" + Mrkdwn.escape(orDash(text)).replace("`", "'") + "`";
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
