package dev.bcsetup.credentials;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Format checks for the client ID and the access token. BigCommerce publishes no format, so the
 * check is loose ({@code [a-z0-9]{20,64}}; both are 31 characters in practice) and the shapes
 * serve mostly to give hints. Messages carry lengths, never the value.
 */
final class KeyShapeCheck {

    private static final Pattern KEY_CHARACTERS = Pattern.compile("[a-z0-9]+");
    private static final Pattern CLIENT_SECRET_SHAPE = Pattern.compile("[0-9a-f]{64}");
    private static final int MIN_LENGTH = 20;
    private static final int MAX_LENGTH = 64;

    private KeyShapeCheck() {
    }

    static Optional<FieldProblem> clientId(String value) {
        return shape(Field.CLIENT_ID, value, ProblemCode.CLIENT_ID_EMPTY,
                ProblemCode.CLIENT_ID_BAD_CHARACTERS, ProblemCode.CLIENT_ID_BAD_LENGTH);
    }

    static Optional<FieldProblem> accessToken(String value, String clientId) {
        if (CLIENT_SECRET_SHAPE.matcher(value).matches()) {
            return Optional.of(FieldProblem.of(Field.ACCESS_TOKEN, ProblemCode.ACCESS_TOKEN_LOOKS_LIKE_CLIENT_SECRET));
        }
        Optional<FieldProblem> shape = shape(Field.ACCESS_TOKEN, value, ProblemCode.ACCESS_TOKEN_EMPTY,
                ProblemCode.ACCESS_TOKEN_BAD_CHARACTERS, ProblemCode.ACCESS_TOKEN_BAD_LENGTH);
        if (shape.isPresent()) {
            return shape;
        }
        if (value.equals(clientId)) {
            return Optional.of(FieldProblem.of(Field.ACCESS_TOKEN, ProblemCode.ACCESS_TOKEN_SAME_AS_CLIENT_ID));
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> shape(Field field, String value, ProblemCode empty,
                                                ProblemCode badCharacters, ProblemCode badLength) {
        if (value.isEmpty()) {
            return Optional.of(FieldProblem.of(field, empty));
        }
        if (!KEY_CHARACTERS.matcher(value).matches()) {
            return Optional.of(FieldProblem.of(field, badCharacters));
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return Optional.of(FieldProblem.of(field, badLength, "length", Integer.toString(value.length())));
        }
        return Optional.empty();
    }
}
