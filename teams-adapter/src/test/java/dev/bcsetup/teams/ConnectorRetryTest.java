package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ConnectorRetryTest {

    private final ConnectorRetry retry = new ConnectorRetry(3, Duration.ofMillis(1), Duration.ofMillis(100), wait -> { });

    @Test
    void returnsWhatTheConnectorAnswered() {
        assertThat(retry.call(() -> CompletableFuture.completedFuture("1:42"))).isEqualTo("1:42");
    }

    @Test
    void givesUpOnACallNotAnsweredInTimeEvenOneStillQueuedAndCancelsIt() {
        // A call queued in the HTTP client has not started its own timeout yet: only this limit ends the wait.
        CompletableFuture<String> neverAnswered = new CompletableFuture<>();

        assertThatThrownBy(() -> retry.call(() -> neverAnswered))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InterruptedIOException.class)
                .hasMessageContaining("did not finish within 100 ms");
        assertThat(neverAnswered).isCancelled();
    }

    @Test
    void passesOnAFailureThatIsNotAThrottle() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("refused"));

        assertThatThrownBy(() -> retry.call(() -> failed)).isInstanceOf(IllegalStateException.class).hasMessage("refused");
    }
}
