package dev.bcsetup.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The merchant's lane: one task at a time per key, in order, and whether more work for a key waits. */
class SerialExecutorTest {

    @Test
    void runsOneKeysTasksInOrderAndKnowsWhileAnotherIsQueued() throws Exception {
        try (SerialExecutor executor = new SerialExecutor(2)) {
            CountDownLatch firstRunning = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(3);
            List<String> seen = new CopyOnWriteArrayList<>();
            executor.run("mia", () -> {
                firstRunning.countDown();
                await(release);
                seen.add("first, second queued: " + executor.hasQueued("mia"));
                done.countDown();
            });
            assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(executor.hasQueued("mia")).as("started tasks are not queued").isFalse();
            executor.run("mia", () -> {
                seen.add("second, more queued: " + executor.hasQueued("mia"));
                done.countDown();
            });
            assertThat(executor.hasQueued("mia")).isTrue();
            assertThat(executor.hasQueued("noah")).isFalse();
            executor.run("mia", done::countDown);
            release.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).containsExactly("first, second queued: true", "second, more queued: true");
            assertThat(executor.hasQueued("mia")).isFalse();
        }
    }

    @Test
    void aTaskRefusedAfterCloseLeavesNothingQueued() {
        SerialExecutor executor = new SerialExecutor(1);
        executor.close();
        assertThatThrownBy(() -> executor.run("mia", () -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(executor.hasQueued("mia")).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
