package dev.bcsetup.bench;

import java.util.List;

/**
 * The bot's acknowledgements on one platform beside a bare SDK app's behind the same HTTP server, both at a human
 * pace and flat out, turned into table rows against the goals of issue 7.
 */
final class PathComparison {

    static final double P99_GOAL_MS = 25;
    static final double THROUGHPUT_GOAL = 0.8;
    static final double SLOWEST_GOAL_MS = 3000;

    /** One server's two phases, after a flat-out warm-up. */
    record Phases(Load.Result human, Load.Result flat) {
        double slowestMillis() {
            return Math.max(human.latencies().maxMillis(), flat.latencies().maxMillis());
        }
    }

    private PathComparison() {
    }

    static Phases measure(String name, Plan plan, Load.Merchant merchant) throws InterruptedException {
        Load load = new Load(plan.merchants(), merchant);
        System.out.printf("  %s: warm-up %d s%n", name, plan.warmup().toSeconds());
        load.flatOut(plan.warmup());
        System.out.printf("  %s: human pace %d s%n", name, plan.humanPace().toSeconds());
        Load.Result human = load.humanPace(plan.humanPace());
        System.out.printf("  %s: flat out %d s%n", name, plan.flatOut().toSeconds());
        Load.Result flat = load.flatOut(plan.flatOut());
        System.out.printf("  %s: p50 %.2f ms, p99 %.2f ms, %.0f acks/s flat out (%.0f µs of CPU each), slowest %.1f ms%n", name,
                human.latencies().percentileMillis(50), human.latencies().percentileMillis(99), flat.throughput(),
                flat.cpuMicrosPerRequest(), Math.max(human.latencies().maxMillis(), flat.latencies().maxMillis()));
        return new Phases(human, flat);
    }

    static List<Row> rows(String platform, String baselineName, int merchants, Phases bot, Phases bare) {
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
