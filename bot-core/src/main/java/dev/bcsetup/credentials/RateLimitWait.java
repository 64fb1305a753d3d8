package dev.bcsetup.credentials;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalLong;

/** How long to wait after a 429, from BigCommerce's rate-limit headers, or a back-off without them. */
final class RateLimitWait {

    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private RateLimitWait() {
    }

    static Duration after429(HttpHeaders headers, int attempt) {
        OptionalLong resetMs = number(headers, "X-Rate-Limit-Time-Reset-Ms");
        if (resetMs.isPresent()) {
            return clamp(Duration.ofMillis(resetMs.getAsLong()));
        }
        // BigCommerce gives X-Retry-After in seconds.
        OptionalLong retryAfter = number(headers, "X-Retry-After");
        if (retryAfter.isPresent()) {
            return clamp(Duration.ofSeconds(retryAfter.getAsLong()));
        }
        // A 429 without headers means the platform itself is under load: back off exponentially.
        return clamp(FIRST_BACK_OFF.multipliedBy(1L << Math.min(attempt, 6)));
    }

    private static Duration clamp(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
