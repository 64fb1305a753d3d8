package dev.bcsetup.credentials;

import dev.bcsetup.flow.ScopePlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves credentials against the live BigCommerce API: the token belongs to the store, and every
 * scope of the plan is granted with the access it needs. All probes are sent at once under one
 * deadline, so a validation takes about as long as the slowest single request. Blocking: run it
 * on an executor.
 */
public final class BigCommerceValidator {

    /** The deadline used when none is configured. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(BigCommerceValidator.class);

    private final ProbeSender sender;
    private final Clock clock;
    private final Duration deadline;

    /**
     * {@code client} must follow no redirects and have a connect timeout (see {@link #httpClient});
     * {@code deadline} bounds the whole validation, retries after a 429 included.
     */
    public BigCommerceValidator(URI apiOrigin, HttpClient client, Clock clock, Duration deadline) {
        Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            // A redirect would send the token to whatever host BigCommerce (or an impostor) names.
            throw new IllegalArgumentException("the HTTP client for BigCommerce must not follow redirects");
        }
        if (client.connectTimeout().isEmpty()) {
            throw new IllegalArgumentException("the HTTP client for BigCommerce needs a connect timeout");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the validation deadline must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadline = deadline;
        this.sender = new ProbeSender(client, new BigCommerceRequests(apiOrigin), clock);
    }

    /** An HTTP client fit for the validator: no redirects, a connect timeout. */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** Runs every probe for {@code plan} and reports what the merchant must do, if anything. */
    public ValidationReport validate(Credentials credentials, ScopePlan plan) {
        Instant start = clock.instant();
        Instant end = start.plus(deadline);
        List<Probe> probes = ProbePlan.forPlan(plan);
        Map<Probe, CompletableFuture<ProbeResult>> pending = new LinkedHashMap<>();
        for (Probe probe : probes) {
            pending.put(probe, sender.send(credentials, probe, end));
        }
        awaitAll(List.copyOf(pending.values()), end);

        Map<Probe, ProbeResult> results = new LinkedHashMap<>();
        pending.forEach((probe, future) -> {
            results.put(probe, future.getNow(new ProbeResult.NoAnswer(ProbeResult.Reason.TIMEOUT)));
            future.cancel(true);
        });
        Duration elapsed = Duration.between(start, clock.instant());
        ValidationReport report = new ReportInterpreter(plan, credentials.storeHash(), deadline)
                .interpret(results, elapsed);
        log.info("validated store {} with client {}: {} in {} ms", credentials.storeHash().value(),
                credentials.clientId(), report.outcome(), elapsed.toMillis());
        return report;
    }

    private void awaitAll(List<CompletableFuture<ProbeResult>> futures, Instant end) {
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        long waitMs = Math.max(0, Duration.between(clock.instant(), end).toMillis());
        try {
            all.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Unfinished probes are reported as unanswered; each future holds its own outcome.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
