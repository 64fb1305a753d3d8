package dev.bcsetup.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.bench.Samples;
import dev.bcsetup.conversation.StepView;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The permissions step rendered to an Adaptive Card and written as JSON, beside Jackson writing the same view.
 * In the adapter's package because the renderer is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdaptiveCardBenchmarks {

    private AdaptiveCards cards;
    private StepView view;
    private TeamsTexts texts;
    private ObjectMapper jackson;

    @Setup
    public void setUp() {
        cards = new AdaptiveCards(Optional.of(URI.create("https://bot.example.com")));
        view = Samples.permissionsStep();
        texts = TeamsTexts.forLocale("en");
        jackson = Samples.jackson();
    }

    @Benchmark
    public String adaptiveCardStep() throws JsonProcessingException {
        return jackson.writeValueAsString(cards.step(view, Samples.KEY, texts));
    }

    @Benchmark
    public byte[] adaptiveCardStepBaseline() throws JsonProcessingException {
        return jackson.writeValueAsBytes(view);
    }
}
