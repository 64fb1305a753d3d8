package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.conversation.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final CheckLimits limits = new CheckLimits(clock, 2, 3, Duration.ofHours(1));
    private final StoreHash store = new StoreHash("abc123");

    @Test
    void slidesTheWindowOneAttemptAtATime() {
        assertThat(limits.tryAcquire("a", store)).isInstanceOf(CheckLimits.Decision.Allowed.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(limits.tryAcquire("a", store)).isInstanceOf(CheckLimits.Decision.Allowed.class);
        assertThat(limits.tryAcquire("a", store)).isEqualTo(
                new CheckLimits.Decision.Refused(Instant.parse("2026-03-02T11:00:00Z")));
        clock.advance(Duration.ofMinutes(50));
        assertThat(limits.tryAcquire("a", store)).isInstanceOf(CheckLimits.Decision.Allowed.class);
        assertThat(limits.tryAcquire("a", store)).isInstanceOf(CheckLimits.Decision.Refused.class);
    }

    @Test
    void theLaterOfBothLimitsDecidesWhenToTryAgain() {
        limits.tryAcquire("a", store);
        clock.advance(Duration.ofMinutes(5));
        limits.tryAcquire("b", store);
        clock.advance(Duration.ofMinutes(5));
        limits.tryAcquire("a", store);
        assertThat(limits.tryAcquire("a", store)).isEqualTo(
                new CheckLimits.Decision.Refused(Instant.parse("2026-03-02T11:00:00Z")));
        assertThat(limits.tryAcquire("c", store)).as("the store is spent").isEqualTo(
                new CheckLimits.Decision.Refused(Instant.parse("2026-03-02T11:00:00Z")));
    }

    @Test
    void aReleasedPermitIsNotCounted() {
        for (int i = 0; i < 10; i++) {
            CheckLimits.Decision decision = limits.tryAcquire("a", store);
            assertThat(decision).isInstanceOf(CheckLimits.Decision.Allowed.class);
            ((CheckLimits.Decision.Allowed) decision).permit().release();
        }
    }
}
