package dev.bcsetup.handoff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Posts each hand-off, credentials included, to the migration system as signed JSON (see the README): 2xx is
 * delivered, 429 waits as long as Retry-After says, 408, 5xx and network failures are retried with backoff,
 * any other status is a refusal. Redirects are never followed: the signed body goes only where configured.
 */
public final class WebhookDestination implements Destination {

    public static final String NAME = "webhook";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final URI url;
    private final WebhookSigner signer;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookDestination(URI url, WebhookSigner signer, Duration timeout, Clock clock) {
        this.url = url;
        this.signer = signer;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryResult deliver(Parcel parcel) {
        if (parcel.credentials().isEmpty()) {
            return new DeliveryResult.Refused("the secret was purged or withdrawn before delivery");
        }
        String body = WebhookPayload.json(parcel.handOff(), parcel.credentials().get());
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(timestamp, body))
                .header(WebhookSigner.IDEMPOTENCY_HEADER, parcel.handOff().id())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return result(response.statusCode(), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            return new DeliveryResult.Retry(Optional.empty(), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Retry(Optional.empty(), "interrupted");
        }
    }

    private DeliveryResult result(int status, Optional<String> retryAfter) {
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Delivered();
        }
        String reason = "HTTP " + status;
        if (status == 429) {
            return new DeliveryResult.Retry(retryAfter.flatMap(this::retryAfter), reason);
        }
        if (status == 408 || status >= 500) {
            return new DeliveryResult.Retry(Optional.empty(), reason);
        }
        return new DeliveryResult.Refused(status >= 300 && status < 400 ? reason + " (redirects are not followed)" : reason);
    }

    /** Seconds, or an HTTP date; nonsense is ignored in favour of the backoff. */
    private Optional<Duration> retryAfter(String value) {
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
    }

    @Override
    public String toString() {
        return "WebhookDestination[" + url.getHost() + "]";
    }
}
