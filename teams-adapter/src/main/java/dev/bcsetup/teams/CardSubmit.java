package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.flow.DataSet;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A press of one of our card buttons, read from the activity's {@code value}: the button, the setup it
 * belongs to (its user and, for an agent-launched setup, customer), and the data sets ticked beside it.
 */
record CardSubmit(ActionRef action, String user, Optional<String> customer, Optional<Set<DataSet>> dataSets) {

    static final String ACTION = "action";
    static final String USER = "user";
    static final String CUSTOMER = "customer";
    private static final int MAX_ID = 200;

    /** Empty for anything that is not one of our buttons, however it is malformed. */
    static Optional<CardSubmit> read(Object value, ObjectMapper json) {
        if (value == null) {
            return Optional.empty();
        }
        JsonNode node = value instanceof JsonNode n ? n : json.valueToTree(value);
        if (!node.isObject()) {
            return Optional.empty();
        }
        Optional<ActionRef> action = ActionRef.decode(node.path(ACTION).asText(null));
        String user = text(node, USER);
        if (action.isEmpty() || user == null) {
            return Optional.empty();
        }
        return Optional.of(new CardSubmit(action.get(), user, Optional.ofNullable(text(node, CUSTOMER)),
                dataSets(node.get(AdaptiveCards.DATA_SETS_INPUT))));
    }

    /** Ticked boxes arrive as "PRODUCTS,ORDERS"; unknown values are ignored, none ticked is an empty set. */
    private static Optional<Set<DataSet>> dataSets(JsonNode input) {
        if (input == null || !input.isTextual()) {
            return Optional.empty();
        }
        Set<DataSet> chosen = EnumSet.noneOf(DataSet.class);
        for (String part : input.asText().split(",")) {
            for (DataSet dataSet : DataSet.values()) {
                if (dataSet.name().equals(part.strip().toUpperCase(Locale.ROOT))) {
                    chosen.add(dataSet);
                }
            }
        }
        return Optional.of(chosen);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_ID) {
            return null;
        }
        return value.asText();
    }
}
