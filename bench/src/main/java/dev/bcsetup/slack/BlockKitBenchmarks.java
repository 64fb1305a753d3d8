package dev.bcsetup.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
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
 * The permissions step rendered to Block Kit and written as the Slack SDK writes it on the wire, beside Jackson
 * writing the same view. In the adapter's package because the renderer is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockKitBenchmarks {

    private BlockKit blockKit;
    private StepView view;
    private Gson gson;
    private ObjectMapper jackson;

    @Setup
    public void setUp() {
        blockKit = new BlockKit(Optional.of(URI.create("https://bot.example.com")), SlackTexts.english());
        view = Samples.permissionsStep();
        gson = GsonFactory.createSnakeCase();
        jackson = Samples.jackson();
    }

    @Benchmark
    public String blockKitStep() {
        return gson.toJson(blockKit.step(view));
    }

    @Benchmark
    public byte[] blockKitStepBaseline() throws JsonProcessingException {
        return jackson.writeValueAsBytes(view);
    }
}
