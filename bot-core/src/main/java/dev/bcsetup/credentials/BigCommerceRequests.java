package dev.bcsetup.credentials;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds probe requests on the configured API origin. Nothing a merchant pasted reaches a URI
 * except the store hash, whose shape ({@code [a-z0-9]}) was enforced when it was created.
 */
public final class BigCommerceRequests {

    private final String origin;

    /** {@code apiOrigin} is scheme, host and optional port, e.g. {@code https://api.bigcommerce.com}. */
    public BigCommerceRequests(URI apiOrigin) {
        Objects.requireNonNull(apiOrigin, "apiOrigin");
        String scheme = apiOrigin.getScheme() == null ? "" : apiOrigin.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (apiOrigin.getPath() == null || apiOrigin.getPath().isEmpty() || apiOrigin.getPath().equals("/"))
                && apiOrigin.getRawQuery() == null && apiOrigin.getRawFragment() == null
                && apiOrigin.getRawUserInfo() == null && apiOrigin.getHost() != null;
        if (!(scheme.equals("https") || scheme.equals("http")) || !bare) {
            throw new IllegalArgumentException("BIGCOMMERCE_API_URL must be an origin such as https://api.bigcommerce.com, got "
                    + apiOrigin);
        }
        this.origin = scheme + "://" + apiOrigin.getRawAuthority();
    }

    /** The origin every request goes to. */
    public URI origin() {
        return URI.create(origin);
    }

    /** The request for one probe, with {@code timeout} as its read timeout. */
    public HttpRequest build(Credentials credentials, Probe probe, Duration timeout) {
        URI uri = URI.create(origin + "/stores/" + credentials.storeHash().value() + probe.path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                // X-Auth-Client is deprecated and ignored by BigCommerce, so it is not sent.
                .header("X-Auth-Token", credentials.accessToken().value())
                .header("Accept", "application/json");
        if (probe.write()) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            builder.GET();
        }
        return builder.build();
    }
}
