package dev.bcsetup.credentials;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one probe without blocking, waiting out 429s as long as the deadline allows. */
final class ProbeSender {

    private static final Logger log = LoggerFactory.getLogger(ProbeSender.class);
    private static final int MAX_ATTEMPTS = 4;

    private final HttpClient client;
    private final BigCommerceRequests requests;
    private final Clock clock;

    ProbeSender(HttpClient client, BigCommerceRequests requests, Clock clock) {
        this.client = client;
        this.requests = requests;
        this.clock = clock;
    }

    CompletableFuture<ProbeResult> send(Credentials credentials, Probe probe, Instant deadline) {
        return attempt(credentials, probe, deadline, 0);
    }

    private CompletableFuture<ProbeResult> attempt(Credentials credentials, Probe probe, Instant deadline, int attempt) {
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            return CompletableFuture.completedFuture(new ProbeResult.NoAnswer(ProbeResult.Reason.TIMEOUT));
        }
        return client.sendAsync(requests.build(credentials, probe, remaining), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        return CompletableFuture.<ProbeResult>completedFuture(noAnswer(probe, failure));
                    }
                    if (response.statusCode() != 429) {
                        log.debug("probe {} {} answered {}", probe.method(), probe.path(), response.statusCode());
                        return CompletableFuture.<ProbeResult>completedFuture(
                                new ProbeResult.Answered(response.statusCode(), response.body()));
                    }
                    Duration wait = RateLimitWait.after429(response.headers(), attempt);
                    if (attempt + 1 >= MAX_ATTEMPTS || clock.instant().plus(wait).isAfter(deadline)) {
                        log.debug("probe {} {} still rate-limited; giving up before the deadline", probe.method(), probe.path());
                        return CompletableFuture.<ProbeResult>completedFuture(
                                new ProbeResult.NoAnswer(ProbeResult.Reason.RATE_LIMITED));
                    }
                    log.debug("probe {} {} rate-limited; retrying in {} ms", probe.method(), probe.path(), wait.toMillis());
                    return CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> attempt(credentials, probe, deadline, attempt + 1));
                })
                .thenCompose(result -> result);
    }

    private static ProbeResult noAnswer(Probe probe, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        // Only the exception's type is logged: messages of I/O exceptions are not ours to vouch for.
        log.debug("probe {} {} got no answer: {}", probe.method(), probe.path(), cause.getClass().getSimpleName());
        if (cause instanceof HttpTimeoutException) {
            return new ProbeResult.NoAnswer(ProbeResult.Reason.TIMEOUT);
        }
        return new ProbeResult.NoAnswer(ProbeResult.Reason.UNREACHABLE);
    }
}
