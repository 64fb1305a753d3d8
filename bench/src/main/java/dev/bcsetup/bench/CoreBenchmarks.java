package dev.bcsetup.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.conversation.Conversation;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.CredentialIntake;
import dev.bcsetup.credentials.IntakeResult;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The pure pieces of bot-core, each beside Jackson writing the same input as JSON. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoreBenchmarks {

    private Conversation conversation;
    private Optional<Session> session;
    private Event next;
    private CredentialIntake intake;
    private CredentialForm file;
    private ObjectMapper jackson;

    @Setup
    public void setUp() {
        conversation = Samples.conversation();
        session = Optional.of(Samples.onStepFour());
        next = Samples.nextFromStepFour();
        intake = new CredentialIntake();
        file = CredentialForm.ofFile(Samples.CREDENTIALS_FILE);
        jackson = Samples.jackson();
    }

    @Benchmark
    public Outcome conversationStep() {
        return conversation.handle(Samples.KEY, session, next);
    }

    @Benchmark
    public byte[] conversationStepBaseline() throws JsonProcessingException {
        return jackson.writeValueAsBytes(session.get());
    }

    @Benchmark
    public IntakeResult credentialFile() {
        return intake.check(file);
    }

    @Benchmark
    public byte[] credentialFileBaseline() throws JsonProcessingException {
        return jackson.writeValueAsBytes(file);
    }
}
