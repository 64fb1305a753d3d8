package dev.bcsetup.credentials;

/** Undoes what chat clients and copy-paste add around a value: whitespace, quotes, Slack link markup. */
final class PasteCleaner {

    private static final int MAX_LAYERS = 4;

    private PasteCleaner() {
    }

    /** The value without its wrapping; never null. Characters inside the value are left alone. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        // Invisible characters come along with copies from web pages and rich-text editors.
        String value = raw.replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF]", "");
        for (int layer = 0; layer < MAX_LAYERS; layer++) {
            String unwrapped = unwrapOnce(stripSpaces(value));
            if (unwrapped.equals(value)) {
                break;
            }
            value = unwrapped;
        }
        return stripSpaces(value);
    }

    private static String stripSpaces(String value) {
        return value.replaceAll("^[\\s\\u00A0]+|[\\s\\u00A0]+$", "");
    }

    private static String unwrapOnce(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if (first == '<' && last == '>') {
                // Slack sends links as <https://...> or <https://...|label>; the target is before the bar.
                String inner = value.substring(1, value.length() - 1);
                int bar = inner.indexOf('|');
                return bar >= 0 ? inner.substring(0, bar) : inner;
            }
            if (isQuotePair(first, last)) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    private static boolean isQuotePair(char first, char last) {
        return (first == '"' && last == '"')
                || (first == '\'' && last == '\'')
                || (first == '`' && last == '`')
                || (first == '\u201C' && last == '\u201D')
                || (first == '\u2018' && last == '\u2019');
    }
}
