package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.handoff.HandOffNotice;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The engineers' side as Adaptive Cards: the hand-off notice (masked values only) and the reveal dialog. */
final class HandOffCards {

    static final String HANDOFF = "handoff";
    static final String ID = "id";
    static final String REVEAL = "reveal";
    static final String RECEIVED = "received";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HandOffCards() {
    }

    /** The channel's card for one hand-off: what, for whom, masked values, and the buttons engineers use. */
    static ObjectNode notice(HandOffNotice notice, People people, TeamsTexts texts) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        body.add(text(texts.get("handoff.title", "store", orElse(notice.storeName(), notice.storeHash())))
                .put("weight", "Bolder").put("size", "Large"));
        ArrayNode facts = factSet(body);
        fact(facts, texts.get("handoff.store"), orElse(notice.storeName(), "?") + " (" + orElse(notice.storeDomain(), "?")
                + ", " + notice.storeHash() + ")");
        fact(facts, texts.get("handoff.direction"), texts.get("handoff.direction." + notice.direction().name()));
        fact(facts, texts.get("handoff.datasets"), notice.dataSets().stream().sorted().map(DataSet::name)
                .map(name -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        fact(facts, texts.get("handoff.apipath"), notice.apiPath());
        fact(facts, texts.get("handoff.clientid"), notice.maskedClientId());
        fact(facts, texts.get("handoff.token"), notice.maskedAccessToken());
        fact(facts, texts.get("handoff.reference"), notice.reference());
        fact(facts, texts.get("handoff.submitter"), people.describe(notice.submitter().merchant()));
        notice.submitter().agent().ifPresent(agent -> fact(facts, texts.get("handoff.agent"), people.describe(agent)));
        fact(facts, texts.get("handoff.where"), notice.submitter().platform().name() + ", " + notice.submitter().workspace());
        if (notice.submittedAt() != null) {
            fact(facts, texts.get("handoff.when"), WHEN.format(notice.submittedAt()));
        }
        if (!notice.scopes().isEmpty()) {
            body.add(text(texts.get("handoff.scopes")).put("weight", "Bolder"));
            ArrayNode scopes = factSet(body);
            notice.scopes().forEach(s -> fact(scopes, s.scope(), s.access() + ": " + s.status()));
        }
        ArrayNode actions = card.putArray("actions");
        ObjectNode reveal = button(texts.get("handoff.reveal"), REVEAL, notice.handOffId());
        reveal.with("data").putObject("msteams").put("type", "task/fetch");
        actions.add(reveal);
        actions.add(button(texts.get("handoff.received"), RECEIVED, notice.handOffId()));
        card.put("fallbackText", texts.get("handoff.title", "store", orElse(notice.storeName(), notice.storeHash())));
        return card;
    }

    /** The dialog an authorised engineer sees: the secret, once, with a reminder of where it must not go. */
    static ObjectNode revealed(String reference, Credentials credentials, TeamsTexts texts) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        body.add(text(texts.get("reveal.title", "reference", reference)).put("weight", "Bolder").put("size", "Medium"));
        body.add(text(texts.get("reveal.warning")).put("color", "Warning"));
        secretLine(body, texts.get("handoff.apipath"), credentials.apiPath());
        secretLine(body, texts.get("handoff.clientid"), credentials.clientId().value());
        secretLine(body, texts.get("handoff.token"), credentials.accessToken().value());
        return card;
    }

    private static void secretLine(ArrayNode body, String label, String value) {
        body.add(text(label).put("weight", "Bolder").put("spacing", "Medium"));
        body.add(text(value).put("fontType", "Monospace").put("spacing", "None"));
    }

    private static ObjectNode button(String title, String kind, String handOffId) {
        ObjectNode button = JSON.objectNode();
        button.put("type", "Action.Submit");
        button.put("title", title);
        button.putObject("data").put(HANDOFF, kind).put(ID, handOffId);
        return button;
    }

    private static ArrayNode factSet(ArrayNode body) {
        ObjectNode set = body.addObject();
        set.put("type", "FactSet");
        return set.putArray("facts");
    }

    private static void fact(ArrayNode facts, String title, String value) {
        facts.addObject().put("title", title).put("value", value == null || value.isBlank() ? "-" : value);
    }

    private static ObjectNode card() {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", AdaptiveCards.VERSION);
        return card;
    }

    private static ObjectNode text(String text) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
