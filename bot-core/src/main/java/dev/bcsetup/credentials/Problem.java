package dev.bcsetup.credentials;

import java.util.Map;
import java.util.Objects;

/** One thing to tell the merchant: a code and the values for its message's {placeholders}. */
public record Problem(ProblemCode code, Map<String, String> params) {

    public Problem {
        Objects.requireNonNull(code, "code");
        params = Map.copyOf(params);
    }

    /** A problem whose message needs no values. */
    public static Problem of(ProblemCode code) {
        return new Problem(code, Map.of());
    }

    /** A problem whose message needs one value. */
    public static Problem of(ProblemCode code, String name, String value) {
        return new Problem(code, Map.of(name, value));
    }
}
