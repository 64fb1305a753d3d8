package dev.bcsetup.credentials;

/** Masking for values that must never reach a log line, an exception message or a {@code toString()}. */
final class Secrets {

    private Secrets() {
    }

    /** Hides the whole value: even a few characters of a 31-character token narrow a brute-force search. */
    static String masked(String value) {
        return value == null || value.isEmpty() ? "(empty)" : "****(" + value.length() + " chars)";
    }

    /** Shows the start of a value that is not secret (the client ID) so logs stay useful. */
    static String abbreviated(String value) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        return value.length() <= 4 ? "****" : value.substring(0, 4) + "…";
    }
}
