package dev.bcsetup.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every benchmark of issue 7 in one run, each figure beside a baseline measured in the same run on the same
 * machine against fakes on loopback, printed as one Markdown table. {@code -Dbench.quick=true} is the one-minute
 * smoke run; {@code -Dbench.only=slack,teams,validation,footprint,jmh} picks parts. Issue 8's soak runs only when
 * named ({@code -Dbench.only=soak}, for {@code -Dbench.soak.minutes}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Boolean.getBoolean("bench.quick") ? Plan.smoke() : Plan.standard();
        String only = System.getProperty("bench.only", "all");
        Set<String> parts = only.isBlank() || only.equals("all") ? Set.of("slack", "teams", "validation", "footprint", "jmh")
                : Set.of(only.split(","));
        long started = System.nanoTime();
        System.out.printf("Benchmarks (%s run) on %d cores, Java %s; servers, fakes and load in one JVM on loopback%n",
                plan.quick() ? "quick" : "default", Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<Row> rows = new ArrayList<>();
        if (parts.contains("slack")) {
            rows.addAll(SlackBench.run(plan));
        }
        if (parts.contains("teams")) {
            rows.addAll(TeamsBench.run(plan));
        }
        if (parts.contains("validation")) {
            System.out.println("Validation");
            rows.add(ValidationBench.run(plan.validations(), Duration.ofMillis(150)));
        }
        if (parts.contains("footprint")) {
            rows.addAll(Footprint.run(plan));
        }
        if (parts.contains("jmh")) {
            rows.addAll(MicroBenchmarks.run(plan));
        }
        if (parts.contains("soak")) {
            rows.addAll(SoakBench.run());
        }
        System.out.println();
        System.out.println("| figure | measured | baseline (same run) | ratio | goal | |");
        System.out.println("|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf("| %s | %s | %s | %s | %s | %s |%n", row.figure(), row.measured(), row.baseline(), row.ratio(),
                    row.goal(), row.verdictText());
        }
        System.out.printf("%nWhole run: %.0f s%n", (System.nanoTime() - started) / 1e9);
        // Bolt's, the SDK's and the servers' threads are not all daemons.
        System.exit(0);
    }
}
