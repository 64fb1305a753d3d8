package dev.bcsetup.fuzz;

import java.util.List;
import java.util.stream.Stream;

/**
 * API paths a merchant (or someone pretending to be one) might paste to steer the bot's requests elsewhere: other
 * hosts, user-info tricks, backslashes, IP literals, traversal, encoded dots, homoglyphs, header injection. Every
 * one names store {@code abc123}; only {@link #FINE} may be accepted, and even those may reach nothing but the
 * configured API origin.
 */
public final class TrickyPaths {

    /** The store every path names. */
    public static final String HASH = "abc123";

    /** Must be refused under the API path field. */
    public static final List<String> HOSTILE = List.of(
            "https://evil.example/stores/abc123/v3/",
            "https://api.bigcommerce.com.evil.example/stores/abc123/v3/",
            "https://api.bigcommerce.com@evil.example/stores/abc123/v3/",
            "https://evil.example@api.bigcommerce.com/stores/abc123/v3/",
            "https://user:pass@api.bigcommerce.com/stores/abc123/v3/",
            "https://api.bigcommerce.com\\@evil.example/stores/abc123/v3/",
            "https://api.bigcommerce.com\\.evil.example/stores/abc123/v3/",
            "https:\\\\api.bigcommerce.com\\stores\\abc123\\v3\\",
            "https:/api.bigcommerce.com/stores/abc123/v3/",
            "//evil.example/stores/abc123/v3/",
            "https://127.0.0.1/stores/abc123/v3/",
            "https://[::1]/stores/abc123/v3/",
            "https://2130706433/stores/abc123/v3/",
            "https://169.254.169.254/latest/meta-data/",
            "https://api.bigcommerce.com:8443/stores/abc123/v3/",
            "https://api.bigcommerce.com./stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/abc123/v3/../../../evil",
            "https://api.bigcommerce.com/stores/../abc123/v3/",
            "https://api.bigcommerce.com/stores/abc123/../../v3/",
            "https://api.bigcommerce.com/stores/abc123%2f..%2f/v3/",
            "https://api%2ebigcommerce%2ecom/stores/abc123/v3/",
            "https://\u0430pi.bigcommerce.com/stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/abc\u0131\u0032\u0033/v3/",
            "https://api.bigcommerce.com\uFF0Fstores\uFF0Fabc123\uFF0Fv3\uFF0F",
            "https://api.bigcommerce.com/stores/abc123/v3/\r\nHost: evil.example",
            "https://api.bigcommerce.com/stores/abc123/v3/\nX-Auth-Token: stolen",
            "https://api.bigcommerce.com/stores/abc123/v3/?next=https://evil.example",
            "https://api.bigcommerce.com/stores/abc123/v3/#@evil.example",
            "https://api.bigcommerce.com/stores/abc123/v3/ https://evil.example",
            "<https://evil.example|https://api.bigcommerce.com/stores/abc123/v3/>",
            "{https://evil.example}/stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/{abc123@evil.example}/v3/",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://api.bigcommerce.com/stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/abc123/v3/" + "a".repeat(100_000));

    /** Fine as pasted (Slack's link markup, capitals, no scheme, quotes and braces): accepted for store {@link #HASH}. */
    public static final List<String> FINE = List.of(
            "<https://api.bigcommerce.com/stores/abc123/v3/|https://evil.example>",
            "HTTPS://API.BIGCOMMERCE.COM/stores/abc123/v3/",
            "api.bigcommerce.com/stores/abc123/v2",
            " \"https://api.bigcommerce.com/stores/{abc123}/v3/\" ");

    /** Every path, hostile first. */
    public static final List<String> ALL = Stream.concat(HOSTILE.stream(), FINE.stream()).toList();

    private TrickyPaths() {
    }
}
