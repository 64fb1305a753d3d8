package dev.bcsetup.bench;

import dev.bcsetup.credentials.AccessToken;
import dev.bcsetup.credentials.BigCommerceRequests;
import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.ClientId;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.credentials.Outcome;
import dev.bcsetup.credentials.Probe;
import dev.bcsetup.credentials.ProbePlan;
import dev.bcsetup.credentials.StoreHash;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.flow.ScopePlan;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Wall time of a full validation (migration to BigCommerce, every data set) beside the slowest
 * single probe, each sent alone, measured in the same run against the fake with injected latency.
 * The validator sends its probes at once, so the ratio should stay close to 1.
 */
public final class ValidationBench {

    private static final String HASH = "abc123";
    private static final String TOKEN = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p";
    private static final double GOAL = 1.25;

    private ValidationBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 150);
        run(iterations, latency);
    }

    /** Measures and prints; returns the table row. */
    static Row run(int iterations, Duration latency) throws Exception {
        int warmup = Math.min(5, Math.max(1, iterations / 3));

        Map<Scope, Access> everyScope = FakeBigCommerce.everyScope(Access.MODIFY);
        try (FakeBigCommerce fake = FakeBigCommerce.start()) {
            fake.store(HASH, "Bench Shop", "bench.example", "Plus", "live").token(TOKEN, HASH, everyScope);
            // The bench is about latency, not quota: lift the fake's rate limit.
            fake.rateLimit(Integer.MAX_VALUE, Duration.ofSeconds(30));
            fake.latency(latency);

            HttpClient client = BigCommerceValidator.httpClient(Duration.ofSeconds(2));
            BigCommerceValidator validator = new BigCommerceValidator(fake.origin(), client, Clock.systemUTC(),
                    Duration.ofSeconds(10));
            BigCommerceRequests requests = new BigCommerceRequests(fake.origin());
            Credentials credentials = new Credentials(new StoreHash(HASH),
                    new ClientId("zyx9w8v7u6t5s4r3q2p1o0n9m8l7k6j"), new AccessToken(TOKEN));
            ScopePlan plan = ScopePlan.forMigration(Direction.TO_BIGCOMMERCE, EnumSet.allOf(DataSet.class));
            List<Probe> probes = ProbePlan.forPlan(plan);

            long[] validations = new long[iterations];
            long[] slowestProbes = new long[iterations];
            for (int i = -warmup; i < iterations; i++) {
                long start = System.nanoTime();
                ValidationReport report = validator.validate(credentials, plan);
                long validation = System.nanoTime() - start;
                if (report.outcome() != Outcome.VALID) {
                    throw new IllegalStateException("the bench validation should be VALID, got " + report.outcome());
                }
                long slowest = 0;
                for (Probe probe : probes) {
                    long probeStart = System.nanoTime();
                    HttpResponse<String> response = client.send(requests.build(credentials, probe, Duration.ofSeconds(10)),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - probeStart;
                    if (response.statusCode() >= 500 || response.statusCode() == 401) {
                        throw new IllegalStateException("probe " + probe.path() + " answered " + response.statusCode());
                    }
                    slowest = Math.max(slowest, took);
                }
                if (i >= 0) {
                    validations[i] = validation;
                    slowestProbes[i] = slowest;
                }
            }
            return print(iterations, probes.size(), latency, validations, slowestProbes);
        }
    }

    private static Row print(int iterations, int probeCount, Duration latency, long[] validations, long[] slowest) {
        double validationMedian = percentile(validations, 50);
        double validationP95 = percentile(validations, 95);
        double probeMedian = percentile(slowest, 50);
        double probeP95 = percentile(slowest, 95);
        double ratioMedian = validationMedian / probeMedian;
        double ratioP95 = validationP95 / probeP95;
        System.out.printf("Validation bench: %d iterations, %d probes per validation, %d ms latency per fake call%n",
                iterations, probeCount, latency.toMillis());
        System.out.printf("%-34s %10s %10s%n", "", "median ms", "p95 ms");
        System.out.printf("%-34s %10.1f %10.1f%n", "full validation (all probes)", validationMedian, validationP95);
        System.out.printf("%-34s %10.1f %10.1f%n", "slowest single probe (sent alone)", probeMedian, probeP95);
        System.out.printf("%-34s %9.2fx %9.2fx%n", "ratio", ratioMedian, ratioP95);
        System.out.printf("goal <= %.2fx at the median: %s%n", GOAL, ratioMedian <= GOAL ? "met" : "MISSED");
        return Row.of(String.format("Validation: wall time, %d probes at %d ms each (median of %d)", probeCount,
                        latency.toMillis(), iterations), Row.ms(validationMedian),
                Row.ms(probeMedian) + " slowest single probe", Row.times(ratioMedian), "<= 1.25x", ratioMedian <= GOAL);
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }
}
