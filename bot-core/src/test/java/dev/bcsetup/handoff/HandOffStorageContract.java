package dev.bcsetup.handoff;

import static dev.bcsetup.handoff.Fixtures.CLIENT_ID;
import static dev.bcsetup.handoff.Fixtures.MERCHANT;
import static dev.bcsetup.handoff.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.MutableClock;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.handoff.AuditEntry.Action;
import dev.bcsetup.handoff.HandOff.PurgeReason;
import dev.bcsetup.handoff.HandOffRepository.Sealed;
import dev.bcsetup.store.Database;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What hand-off storage (hand_offs, outbox, audit_log) must do, run on every database the bot supports by
 * the subclasses: one transaction per hand-off, one hand-off per submission, leases that let exactly one
 * worker deliver an entry, purges that keep the record, and no secret in plain text anywhere.
 */
abstract class HandOffStorageContract {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final List<String> DESTINATIONS = List.of("webhook", "slack");
    private static final int WORKERS = 16;

    private final MutableClock clock = new MutableClock(T0);
    private Database database;
    private HandOffRepository repository;
    private Outbox outbox;
    private HandOffs handOffs;

    /** A migrated database whose tables are empty, for one test. */
    abstract Database emptyDatabase();

    /** Every byte the database has stored that could hold {@code text}, searched for it. */
    abstract boolean storesAnywhere(Database database, String text) throws Exception;

    @BeforeEach
    void useAnEmptyDatabase() {
        database = emptyDatabase();
        repository = new HandOffRepository(database);
        outbox = new Outbox(database);
        handOffs = new HandOffs(repository, KeyRing.parse(Fixtures.keyText("k1")), Fixtures.ENGINEERS, DESTINATIONS,
                HandOffPolicy.DEFAULT, clock, new SecureRandom());
    }

    @Test
    void storesTheHandOffItsDeliveriesAndItsAuditLineTogether() {
        HandOff stored = handOffs.submit(Fixtures.submission(MERCHANT, 7));

        HandOff read = repository.find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read.reference()).matches("BC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(read.storeName()).isEqualTo("Plant Parlour");
        assertThat(read.scopes()).extracting(HandOffNotice.ScopeSummary::status).containsExactly("GRANTED", "MODIFY_NOT_PROVABLE");
        assertThat(outbox.entriesOf(stored.id())).extracting(OutboxEntry::destination).containsExactly("slack", "webhook");
        assertThat(outbox.entriesOf(stored.id())).allSatisfy(e -> {
            assertThat(e.nextAttemptAt()).isEqualTo(stored.submittedAt());
            assertThat(e.attempts()).isZero();
        });
        assertThat(repository.auditOf(stored.id())).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo(Action.SUBMIT));
    }

    @Test
    void keepsOneHandOffPerSubmissionEvenWhenTheSameOneIsWrittenTwice() {
        HandOff first = handOffs.submit(Fixtures.submission(MERCHANT, 7));
        HandOff again = handOffs.submit(Fixtures.submission(MERCHANT, 7));
        HandOff next = handOffs.submit(Fixtures.submission(MERCHANT, 9));

        assertThat(again).isEqualTo(first);
        assertThat(next.id()).isNotEqualTo(first.id());
        assertThat(outbox.pending()).isEqualTo(4);
    }

    @Test
    void theDatabaseRefusesASecondRowForTheSameSubmission() {
        HandOff first = handOffs.submit(Fixtures.submission(MERCHANT, 7));
        HandOff twin = new HandOff("0".repeat(32), "BC-0000-0000", MERCHANT, 7, "abc123", "", "", first.direction(),
                first.dataSets(), first.scopes(), first.submittedAt(), Optional.empty(), Optional.empty());

        boolean stored = repository.insert(twin, new Sealed("k1:AAAA", "k1"), DESTINATIONS,
                new AuditEntry(T0, Platform.SLACK, "T1", "U", Action.SUBMIT, twin.id(), "STORED"));

        assertThat(stored).isFalse();
        assertThat(repository.find(twin.id())).isEmpty();
        assertThat(outbox.entriesOf(twin.id())).isEmpty();
        assertThat(repository.auditOf(twin.id())).isEmpty();
    }

    @Test
    void manyRacingSubmissionsOfOneSubmissionStoreOneHandOff() throws Exception {
        List<HandOff> results = race(WORKERS, () -> handOffs.submit(Fixtures.submission(MERCHANT, 3)));

        assertThat(results).extracting(HandOff::id).containsOnly(results.get(0).id());
        assertThat(outbox.pending()).isEqualTo(DESTINATIONS.size());
    }

    @Test
    void exactlyOneOfManyRacingWorkersClaimsADueDelivery() throws Exception {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            owners.add("worker-" + i);
        }
        ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<OutboxEntry>>> futures = new ArrayList<>();
            for (String owner : owners) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return outbox.claim(List.of("webhook"), owner, clock.instant(), Duration.ofMinutes(1), 10);
                }));
            }
            start.countDown();
            int claimed = 0;
            for (Future<List<OutboxEntry>> future : futures) {
                claimed += future.get(30, TimeUnit.SECONDS).size();
            }
            assertThat(claimed).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(outbox.entriesOf(handOff.id())).filteredOn(e -> e.destination().equals("webhook"))
                .singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void aDeliveryWhoseWorkerDiedIsDueAgainWhenItsLeaseRunsOut() {
        handOffs.submit(Fixtures.submission(MERCHANT, 1));
        List<OutboxEntry> first = outbox.claim(List.of("webhook"), "dead", clock.instant(), Duration.ofMinutes(1), 10);
        assertThat(first).hasSize(1);

        assertThat(outbox.claim(List.of("webhook"), "alive", clock.instant().plusSeconds(59), Duration.ofMinutes(1), 10)).isEmpty();
        List<OutboxEntry> again = outbox.claim(List.of("webhook"), "alive", clock.instant().plusSeconds(61), Duration.ofMinutes(1), 10);

        assertThat(again).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
        assertThat(outbox.delivered(first.get(0), "dead", clock.instant())).as("the dead worker lost its lease").isFalse();
        assertThat(outbox.delivered(again.get(0), "alive", clock.instant())).isTrue();
        assertThat(outbox.claim(List.of("webhook"), "late", clock.instant().plus(Duration.ofDays(1)), Duration.ofMinutes(1), 10))
                .as("a delivered entry is never claimed again").isEmpty();
    }

    @Test
    void aFailedAttemptWaitsUntilItsNextAttemptAndAGivenUpOneStops() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        OutboxEntry webhook = outbox.claim(List.of("webhook"), "w", T0, Duration.ofMinutes(1), 10).get(0);
        OutboxEntry slack = outbox.claim(List.of("slack"), "w", T0, Duration.ofMinutes(1), 10).get(0);

        assertThat(outbox.retryAt(webhook, "w", T0.plusSeconds(30), "HTTP 503")).isTrue();
        assertThat(outbox.giveUp(slack, "w", T0, "HTTP 404")).isTrue();

        assertThat(outbox.claim(List.of("webhook", "slack"), "w", T0.plusSeconds(29), Duration.ofMinutes(1), 10)).isEmpty();
        assertThat(outbox.claim(List.of("webhook", "slack"), "w", T0.plusSeconds(31), Duration.ofMinutes(1), 10))
                .extracting(OutboxEntry::destination).containsExactly("webhook");
        assertThat(outbox.entriesOf(handOff.id())).filteredOn(e -> e.destination().equals("slack")).singleElement()
                .satisfies(e -> {
                    assertThat(e.givenUpAt()).isPresent();
                    assertThat(e.lastError()).contains("HTTP 404");
                });
    }

    @Test
    void aPurgeRemovesTheSecretAndKeepsTheRecord() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        assertThat(repository.purge(handOff.id(), T0, PurgeReason.RETENTION, false,
                new AuditEntry(T0, Platform.SLACK, "T1", "purge-job", Action.PURGE, handOff.id(), "RETENTION"))).isTrue();

        assertThat(repository.sealedSecret(handOff.id())).isEmpty();
        HandOff kept = repository.find(handOff.id()).orElseThrow();
        assertThat(kept.reference()).isEqualTo(handOff.reference());
        assertThat(kept.purge()).contains(new HandOff.Purge(T0, PurgeReason.RETENTION));
        assertThat(repository.purge(handOff.id(), T0, PurgeReason.RETENTION, false,
                new AuditEntry(T0, Platform.SLACK, "T1", "purge-job", Action.PURGE, handOff.id(), "RETENTION"))).isFalse();
    }

    @Test
    void aWithdrawalDropsTheDeliveriesNotYetMadeAndKeepsTheOnesMade() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        OutboxEntry slack = outbox.claim(List.of("slack"), "w", clock.instant(), Duration.ofMinutes(1), 10).get(0);
        outbox.delivered(slack, "w", clock.instant());

        assertThat(handOffs.withdraw(MERCHANT, new Actor(MERCHANT.user()))).extracting(HandOff::id).containsExactly(handOff.id());

        assertThat(outbox.entriesOf(handOff.id())).extracting(OutboxEntry::destination).containsExactly("slack");
        assertThat(handOffs.withdraw(MERCHANT, new Actor(MERCHANT.user()))).isEmpty();
        assertThat(repository.auditOf(handOff.id())).extracting(AuditEntry::action).containsExactly(Action.SUBMIT, Action.WITHDRAW);
    }

    @Test
    void keepsHandOffsOfOtherSessionsOutOfAWithdrawal() {
        SessionKey other = SessionKey.onBehalf(Platform.SLACK, "T1", "U-agent", MERCHANT.user());
        HandOff theirs = handOffs.submit(Fixtures.submission(other, 1));

        assertThat(handOffs.withdraw(MERCHANT, new Actor(MERCHANT.user()))).isEmpty();
        assertThat(repository.sealedSecret(theirs.id())).isPresent();
    }

    @Test
    void storesNoSubmittedSecretInPlainText() throws Exception {
        handOffs.submit(Fixtures.submission(MERCHANT, 1));
        handOffs.submit(Fixtures.submission(SessionKey.onBehalf(Platform.TEAMS, "tenant", "agent", "customer"), 4));

        assertThat(storesAnywhere(database, "Plant Parlour")).as("the search finds what is stored in clear").isTrue();
        assertThat(storesAnywhere(database, TOKEN)).as("the access token").isFalse();
        assertThat(storesAnywhere(database, CLIENT_ID)).as("the client ID").isFalse();
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
