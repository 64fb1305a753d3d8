package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.Callable;

/**
 * The requests a test sends while a fault lasts: each must be answered within {@code limitMs}, never with a 500 or a
 * stack trace; counts them and keeps the slowest, for the figures a test reports.
 */
final class FaultTally {

    private final long limitMs;
    private int requests;
    private int clean;
    private long slowestMs;

    FaultTally(long limitMs) {
        this.limitMs = limitMs;
    }

    HttpResponse<String> send(Callable<HttpResponse<String>> request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = request.call();
        long ms = (System.nanoTime() - start) / 1_000_000;
        requests++;
        slowestMs = Math.max(slowestMs, ms);
        assertThat(ms).as("ms to answer %s", response.uri()).isLessThan(limitMs);
        assertThat(response.statusCode()).as("status of %s", response.uri()).isNotEqualTo(500);
        assertThat(response.body()).as("body of %s", response.uri()).doesNotContain("Exception").doesNotContain("\tat ");
        clean++;
        return response;
    }

    /** One line for the report: how many requests, how many answered cleanly, the slowest. */
    String summary() {
        return requests + " requests, " + clean + " answered cleanly in time, slowest " + slowestMs + " ms";
    }

    int requests() {
        return requests;
    }
}
