package dev.bcsetup.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated merchants, one thread each, clicking through a journey against one server: at a human pace
 * (one click a second each, starts spread over the first second) or flat out (the next click as soon as the
 * last was answered). Only the acknowledgement is timed; what the server does after it is its own business.
 */
final class Load {

    /** Sends one merchant's {@code click}-th request (counting from 0 across journeys) and returns the status. */
    interface Merchant {
        int send(int merchant, int click) throws Exception;
    }

    /** What a phase measured; {@code cpuSeconds} is the whole JVM's (servers, fakes and load alike). */
    record Result(Latencies latencies, int requests, int failures, double seconds, double cpuSeconds) {
        double throughput() {
            return requests / seconds;
        }

        /** CPU spent per request: unlike the throughput, it hardly moves when other work shares the machine. */
        double cpuMicrosPerRequest() {
            return cpuSeconds * 1e6 / requests;
        }

        /** Several rounds of one phase as one: their times merged, their counts and seconds added. */
        static Result combine(List<Result> rounds) {
            Latencies latencies = new Latencies();
            int requests = 0;
            int failures = 0;
            double seconds = 0;
            double cpuSeconds = 0;
            for (Result round : rounds) {
                latencies.addAll(round.latencies());
                requests += round.requests();
                failures += round.failures();
                seconds += round.seconds();
                cpuSeconds += round.cpuSeconds();
            }
            return new Result(latencies, requests, failures, seconds, cpuSeconds);
        }
    }

    private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final int merchants;
    private final Merchant merchant;
    private final int[] clicks;

    Load(int merchants, Merchant merchant) {
        this.merchants = merchants;
        this.merchant = merchant;
        this.clicks = new int[merchants];
    }

    Result humanPace(Duration duration) throws InterruptedException {
        return run(duration, Duration.ofSeconds(1));
    }

    Result flatOut(Duration duration) throws InterruptedException {
        return run(duration, Duration.ZERO);
    }

    private Result run(Duration duration, Duration pace) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong();
        double cpuStart = processCpuSeconds();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Random random = new Random(42);
        List<Thread> threads = new ArrayList<>();
        for (int m = 0; m < merchants; m++) {
            int id = m;
            long offset = pace.isZero() ? 0 : (long) (random.nextDouble() * pace.toNanos());
            Thread thread = new Thread(() -> {
                long next = start + offset;
                while (true) {
                    if (!pace.isZero()) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            sleepNanos(wait);
                        }
                        next += pace.toNanos();
                    }
                    long sent = System.nanoTime();
                    if (sent >= end) {
                        return;
                    }
                    try {
                        int status = merchant.send(id, clicks[id]++);
                        latencies.add(System.nanoTime() - sent);
                        if (status >= 300) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(0, status);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(0, -1);
                    }
                }
            }, "merchant-" + m);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = processCpuSeconds() - cpuStart;
        if (failures.get() > 0) {
            System.out.printf("  %d requests failed (first: %s)%n", failures.get(),
                    firstFailure.get() == -1 ? "an exception" : "HTTP " + firstFailure.get());
        }
        return new Result(latencies, latencies.count(), failures.get(), seconds, cpuSeconds);
    }

    /** CPU time this JVM has used so far, every thread counted. */
    static double processCpuSeconds() {
        return CPU.getProcessCpuTime() / 1e9;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
