package dev.bcsetup.teams;

import com.microsoft.bot.restclient.RestException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Bot Connector again when it answers 429: Teams throttles each bot per conversation and the
 * SDK's own retry never retries 429. Waits as long as {@code Retry-After} says (capped), else backs off
 * exponentially. No attempt is waited for longer than {@link TeamsHttpAdapter#CONNECTOR_CALL_TIMEOUT}, time spent
 * queued behind other calls included: the HTTP client's own timeout starts only once a call leaves its queue.
 */
final class ConnectorRetry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRetry.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /** How waiting happens; a seam so tests need not sleep through real back-off. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int attempts;
    private final Duration firstBackoff;
    private final Duration attemptLimit;
    private final Sleeper sleeper;

    ConnectorRetry(int attempts, Duration firstBackoff, Duration attemptLimit, Sleeper sleeper) {
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.attemptLimit = attemptLimit;
        this.sleeper = sleeper;
    }

    static ConnectorRetry standard() {
        return new ConnectorRetry(5, Duration.ofMillis(250), TeamsHttpAdapter.CONNECTOR_CALL_TIMEOUT,
                d -> Thread.sleep(d.toMillis()));
    }

    /** Runs {@code call} until it succeeds, fails with something other than 429, or attempts run out. */
    <T> T call(Supplier<CompletableFuture<T>> call) {
        for (int attempt = 1; ; attempt++) {
            CompletableFuture<T> pending = null;
            try {
                pending = call.get();
                return pending.get(attemptLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                throw new CompletionException(new InterruptedIOException(
                        "the Bot Connector call did not finish within " + attemptLimit.toMillis() + " ms"));
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = unwrap(e);
                Duration wait = throttled(cause, attempt);
                if (wait == null || attempt >= attempts) {
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                }
                LOG.info("Bot Connector throttled us (429); trying again in {} ms (attempt {} of {})",
                        wait.toMillis(), attempt + 1, attempts);
                pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }
    }

    /** Whether {@code failure} is the connector refusing the call for good (a 4xx other than 429), not an outage. */
    static boolean refused(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (!(cause instanceof RestException rest) || rest.response() == null) {
            return false;
        }
        int status = rest.response().code();
        return status >= 400 && status < 500 && status != 429 && status != 408;
    }

    private Duration throttled(Throwable cause, int attempt) {
        if (!(cause instanceof RestException rest) || rest.response() == null || rest.response().code() != 429) {
            return null;
        }
        String retryAfter = rest.response().headers().get("Retry-After");
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
                return asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
            } catch (NumberFormatException httpDate) {
                // An HTTP date: fall back to our own back-off.
            }
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 5));
        return backoff.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
