package dev.bcsetup.bench;

import dev.bcsetup.slack.BlockKitBenchmarks;
import dev.bcsetup.teams.AdaptiveCardBenchmarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs the JMH benchmarks with short settings and pairs each with its {@code ...Baseline} method. */
final class MicroBenchmarks {

    private static final Map<String, String> FIGURES = Map.of(
            "conversationStep", "JMH: a state-machine step (Conversation.handle, Next onto the permissions step)",
            "blockKitStep", "JMH: the permissions step rendered to Block Kit (and written by the Slack SDK)",
            "adaptiveCardStep", "JMH: the permissions step rendered to an Adaptive Card (and written)",
            "credentialFile", "JMH: CredentialIntake.check on a pasted .txt file");
    private static final Map<String, String> BASELINES = Map.of(
            "conversationStep", "Jackson writing the session",
            "blockKitStep", "Jackson writing the step view",
            "adaptiveCardStep", "Jackson writing the step view",
            "credentialFile", "Jackson writing the form");

    private MicroBenchmarks() {
    }

    static List<Row> run(Plan plan) throws Exception {
        System.out.println("JMH micro-benchmarks");
        Options options = new OptionsBuilder()
                .include(CoreBenchmarks.class.getName())
                .include(BlockKitBenchmarks.class.getName())
                .include(AdaptiveCardBenchmarks.class.getName())
                .forks(1)
                .jvmArgsAppend("-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", "logback.xml"))
                .warmupIterations(plan.quick() ? 1 : 2)
                .measurementIterations(plan.quick() ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> micros = new HashMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            micros.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        List<Row> rows = new ArrayList<>();
        for (String name : List.of("conversationStep", "blockKitStep", "adaptiveCardStep", "credentialFile")) {
            double figure = micros.get(name);
            double baseline = micros.get(name + "Baseline");
            System.out.printf("  %s: %.2f us (baseline %.2f us)%n", name, figure, baseline);
            rows.add(Row.info(FIGURES.get(name), us(figure), us(baseline) + " " + BASELINES.get(name),
                    Row.times(figure / baseline)));
        }
        return rows;
    }

    private static String us(double micros) {
        return micros < 10 ? String.format("%.2f µs", micros) : String.format("%.1f µs", micros);
    }
}
