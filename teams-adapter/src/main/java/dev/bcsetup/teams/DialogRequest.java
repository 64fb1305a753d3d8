package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.Field;
import java.util.Optional;

/**
 * A press inside the credential dialog, read from a {@code task/submit} invoke's {@code value.data}: what the
 * button was ({@link #SEND}, {@link #RETRY}, {@link #CLOSE}), whose setup, and what was typed. {@code toString}
 * never shows the typed values ({@link CredentialForm} masks them).
 */
record DialogRequest(String kind, String user, Optional<String> customer, int step, CredentialForm form) {

    static final String DIALOG = "dialog";
    static final String STEP = "step";
    static final String SEND = "send";
    static final String RETRY = "retry";
    static final String CLOSE = "close";
    private static final int MAX_ID = 200;
    private static final int MAX_VALUE = 10_000;

    /** The id of the input for {@code field}; its value arrives in the submit's data under that name. */
    static String inputId(Field field) {
        return switch (field) {
            case API_PATH -> "apiPath";
            case CLIENT_ID -> "clientId";
            case ACCESS_TOKEN -> "accessToken";
            case PASTED_FILE -> "pastedFile";
        };
    }

    /** The data of a dialog or card button from an invoke's value ({@code {"data": {...}}}), or empty. */
    static Optional<JsonNode> data(Object invokeValue, ObjectMapper json) {
        if (invokeValue == null) {
            return Optional.empty();
        }
        JsonNode node = invokeValue instanceof JsonNode n ? n : json.valueToTree(invokeValue);
        JsonNode data = node.path("data");
        return data.isObject() ? Optional.of(data) : Optional.empty();
    }

    /** Empty unless {@code data} is one of our dialog buttons. */
    static Optional<DialogRequest> read(JsonNode data) {
        String kind = text(data, DIALOG, MAX_ID);
        String user = text(data, CardSubmit.USER, MAX_ID);
        if (kind == null || user == null || !(kind.equals(SEND) || kind.equals(RETRY) || kind.equals(CLOSE))) {
            return Optional.empty();
        }
        int step = data.path(STEP).canConvertToInt() ? Math.max(0, data.path(STEP).asInt()) : 0;
        CredentialForm form = new CredentialForm(text(data, inputId(Field.API_PATH), MAX_VALUE),
                text(data, inputId(Field.CLIENT_ID), MAX_VALUE), text(data, inputId(Field.ACCESS_TOKEN), MAX_VALUE),
                text(data, inputId(Field.PASTED_FILE), MAX_VALUE));
        return Optional.of(new DialogRequest(kind, user, Optional.ofNullable(text(data, CardSubmit.CUSTOMER, MAX_ID)), step, form));
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            return null;
        }
        return value.asText();
    }
}
