package dev.bcsetup.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The bot's acknowledgements on one platform beside a bare SDK app's behind the same HTTP server, both at a human
 * pace and flat out, turned into table rows against the goals of issue 7. Both servers run at once and the two
 * sides take turns in short rounds, so a change in what else the machine is doing (another build, another tenant
 * of the host) falls on both sides alike instead of on whichever ran second.
 */
final class PathComparison {

    static final double P99_GOAL_MS = 25;
    static final double THROUGHPUT_GOAL = 0.8;
    static final double SLOWEST_GOAL_MS = 3000;

    /**
     * One side: its name, its simulated merchants, and what to wait for after each of its rounds (work the server
     * queued after acknowledging, which must not run into the other side's round).
     */
    record Side(String name, Load load, Settle settle) {
    }

    /** Waits until a server's queued work is done. */
    interface Settle {
        void await() throws Exception;

        static Settle nothing() {
            return () -> { };
        }
    }

    /**
     * One side's two phases, after a flat-out warm-up. {@code queuedCpuSeconds} is the CPU spent settling after the
     * flat-out rounds: the work still queued when the last acknowledgement of a round went out.
     */
    record Phases(Load.Result human, Load.Result flat, double queuedCpuSeconds, long slowestSettleMillis) {
        double slowestMillis() {
            return Math.max(human.latencies().maxMillis(), flat.latencies().maxMillis());
        }

        double cpuMicrosPerFlatOutRequestWithQueuedWork() {
            return (flat.cpuSeconds() + queuedCpuSeconds) * 1e6 / flat.requests();
        }
    }

    /** The two sides measured in alternating rounds. */
    record Comparison(Phases bot, Phases bare) {
    }

    private PathComparison() {
    }

    static Comparison compare(Plan plan, Side bare, Side bot) throws Exception {
        System.out.printf("  warm-up %d s each, then %d alternating rounds (%s first) of each phase: human pace %d s"
                        + " and flat out %d s each in all%n", plan.warmup().toSeconds(), plan.rounds(), bare.name(),
                plan.humanPace().toSeconds(), plan.flatOut().toSeconds());
        for (Side side : List.of(bare, bot)) {
            side.load().flatOut(plan.warmup());
            side.settle().await();
        }
        Rounds human = new Rounds();
        Rounds flat = new Rounds();
        Duration humanRound = plan.humanPace().dividedBy(plan.rounds());
        Duration flatRound = plan.flatOut().dividedBy(plan.rounds());
        for (int round = 0; round < plan.rounds(); round++) {
            human.bare.add(bare.load().humanPace(humanRound));
            bare.settle().await();
            human.bot.add(bot.load().humanPace(humanRound));
            human.settled(bot.settle());
        }
        for (int round = 0; round < plan.rounds(); round++) {
            flat.bare.add(bare.load().flatOut(flatRound));
            bare.settle().await();
            flat.bot.add(bot.load().flatOut(flatRound));
            flat.settled(bot.settle());
        }
        Phases barePhases = new Phases(Load.Result.combine(human.bare), Load.Result.combine(flat.bare), 0, 0);
        Phases botPhases = new Phases(Load.Result.combine(human.bot), Load.Result.combine(flat.bot), flat.settleCpuSeconds,
                Math.max(human.slowestSettleMillis, flat.slowestSettleMillis));
        print(bare.name(), barePhases);
        print(bot.name(), botPhases);
        System.out.printf("  flat-out throughput, %s over %s, round by round: %s%n", bot.name(), bare.name(),
                flat.ratios());
        return new Comparison(botPhases, barePhases);
    }

    private static void print(String name, Phases phases) {
        System.out.printf("  %s: p50 %.2f ms, p99 %.2f ms, %.0f acks/s flat out (%.0f µs of CPU each), slowest %.1f ms%n", name,
                phases.human().latencies().percentileMillis(50), phases.human().latencies().percentileMillis(99),
                phases.flat().throughput(), phases.flat().cpuMicrosPerRequest(), phases.slowestMillis());
    }

    /** One phase's rounds on both sides, and what settling the bot after them took. */
    private static final class Rounds {
        final List<Load.Result> bare = new ArrayList<>();
        final List<Load.Result> bot = new ArrayList<>();
        double settleCpuSeconds;
        long slowestSettleMillis;

        void settled(Settle settle) throws Exception {
            double cpu = Load.processCpuSeconds();
            long start = System.nanoTime();
            settle.await();
            slowestSettleMillis = Math.max(slowestSettleMillis, (System.nanoTime() - start) / 1_000_000);
            settleCpuSeconds += Load.processCpuSeconds() - cpu;
        }

        String ratios() {
            StringJoiner joined = new StringJoiner(", ");
            for (int i = 0; i < bot.size(); i++) {
                joined.add(String.format("%.2fx", bot.get(i).throughput() / bare.get(i).throughput()));
            }
            return joined.toString();
        }
    }

    static List<Row> rows(String platform, String baselineName, int merchants, Comparison comparison) {
        Phases bot = comparison.bot();
        Phases bare = comparison.bare();
        double p50 = bot.human().latencies().percentileMillis(50);
        double p50Bare = bare.human().latencies().percentileMillis(50);
        double p99 = bot.human().latencies().percentileMillis(99);
        double p99Bare = bare.human().latencies().percentileMillis(99);
        double rate = bot.flat().throughput();
        double rateBare = bare.flat().throughput();
        boolean noFailures = bot.human().failures() + bot.flat().failures() == 0;
        String prefix = platform + ", " + merchants + " merchants: ";
        return List.of(
                Row.info(prefix + "ack p50, human pace", Row.ms(p50), Row.ms(p50Bare) + " " + baselineName,
                        Row.times(p50 / p50Bare)),
                Row.of(prefix + "ack p99, human pace", Row.ms(p99), Row.ms(p99Bare) + " " + baselineName,
                        Row.times(p99 / p99Bare), "p99 <= 25 ms", p99 <= P99_GOAL_MS),
                Row.of(prefix + "throughput, flat out", String.format("%.0f acks/s", rate),
                        String.format("%.0f acks/s", rateBare) + " " + baselineName, Row.times(rate / rateBare),
                        ">= 0.80x", rate / rateBare >= THROUGHPUT_GOAL && noFailures),
                Row.of(prefix + "slowest ack, both phases", Row.ms(bot.slowestMillis()),
                        Row.ms(bare.slowestMillis()) + " " + baselineName, Row.times(bot.slowestMillis() / bare.slowestMillis()),
                        "<= 3 s", bot.slowestMillis() <= SLOWEST_GOAL_MS && noFailures));
    }
}
