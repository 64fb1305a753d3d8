package dev.bcsetup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.Status;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link SessionRepository} backed by a database must do, run against each database the
 * bot supports by the subclasses.
 */
abstract class SessionRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final SessionKey OWN = SessionKey.own(Platform.SLACK, "T1", "U1");
    private static final SessionKey FOR_CUSTOMER = SessionKey.onBehalf(Platform.TEAMS, "tenant-1", "agent-1", "customer-1");

    /** Writers per race, and races per test: enough that some of them really do overlap. */
    private static final int WRITERS = 16;
    private static final int ROUNDS = 20;

    private Database database;
    private JdbcSessionRepository repository;

    /** A migrated database whose sessions table is empty, for one test. */
    abstract Database emptyDatabase();

    @BeforeEach
    void useAnEmptyDatabase() {
        database = emptyDatabase();
        repository = new JdbcSessionRepository(database);
    }

    static Stream<Arguments> everyKindOfSession() {
        List<Arguments> cases = new ArrayList<>();
        for (Status status : Status.values()) {
            for (SessionKey key : List.of(OWN, FOR_CUSTOMER)) {
                cases.add(Arguments.of(status, key, null, Set.of()));
                cases.add(Arguments.of(status, key, Direction.TO_BIGCOMMERCE, EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS)));
                cases.add(Arguments.of(status, key, Direction.FROM_BIGCOMMERCE, EnumSet.allOf(DataSet.class)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("everyKindOfSession")
    void readsBackEveryFieldItSaved(Status status, SessionKey key, Direction direction, Set<DataSet> dataSets) {
        Session session = new Session(key, "de-CH", direction, dataSets, 4, status, 1, T0, T0.plus(Duration.ofMinutes(5)));

        assertThat(repository.save(session, 0)).isTrue();

        assertThat(repository.find(key)).contains(session);
    }

    @Test
    void keepsTextsThatLookLikeSqlAsTheyAre() {
        SessionKey key = SessionKey.onBehalf(Platform.WEB, "w'; DROP TABLE sessions; --", "Zoë \"quoted\"", "c,1");
        Session session = Session.begin(key, "fr", Direction.TO_BIGCOMMERCE, 1, T0);

        repository.save(session, 0);

        assertThat(repository.find(key)).contains(session);
    }

    @Test
    void findsNothingForAKeyNeverSaved() {
        assertThat(repository.find(OWN)).isEmpty();
    }

    @Test
    void keepsAMerchantsOwnSetupApartFromOneAnAgentRunsForACustomer() {
        SessionKey own = SessionKey.own(Platform.TEAMS, "tenant-1", "agent-1");
        Session agentsOwn = Session.begin(own, "en", null, 1, T0);
        Session forCustomer = Session.begin(FOR_CUSTOMER, "en", Direction.FROM_BIGCOMMERCE, 1, T0);

        assertThat(repository.save(agentsOwn, 0)).isTrue();
        assertThat(repository.save(forCustomer, 0)).isTrue();

        assertThat(repository.find(own)).contains(agentsOwn);
        assertThat(repository.find(FOR_CUSTOMER)).contains(forCustomer);
    }

    @Test
    void refusesASecondNewSessionForTheSameKey() {
        Session first = Session.begin(OWN, "en", null, 1, T0);
        repository.save(first, 0);

        assertThat(repository.save(Session.begin(OWN, "de", Direction.TO_BIGCOMMERCE, 1, T0), 0)).isFalse();
        assertThat(repository.find(OWN)).contains(first);
    }

    @Test
    void refusesAWriteBasedOnAStaleVersion() {
        Session first = Session.begin(OWN, "en", null, 1, T0);
        repository.save(first, 0);
        Session moved = first.atStep(1, Status.ACTIVE, T0.plusSeconds(1));
        repository.save(moved, 1);

        assertThat(repository.save(first.atStep(3, Status.ACTIVE, T0.plusSeconds(2)), 1)).isFalse();
        assertThat(repository.find(OWN)).contains(moved);
    }

    @Test
    void acceptsAWriteBasedOnTheCurrentVersion() {
        Session first = Session.begin(OWN, "en", null, 1, T0);
        repository.save(first, 0);
        Session chosen = first.withDirection(Direction.FROM_BIGCOMMERCE, T0.plusSeconds(1))
                .withDataSets(EnumSet.of(DataSet.CUSTOMERS), T0.plusSeconds(2));

        assertThat(repository.save(chosen, 1)).isTrue();
        assertThat(repository.find(OWN)).contains(chosen);
        assertThat(chosen.version()).isEqualTo(3);
    }

    @Test
    void refusesAnUpdateOfASessionNeverSaved() {
        assertThat(repository.save(Session.begin(OWN, "en", null, 2, T0), 1)).isFalse();
        assertThat(repository.find(OWN)).isEmpty();
    }

    @Test
    void letsExactlyOneOfManyRacingWritersOfTheSameVersionWin() throws Exception {
        Session current = Session.begin(OWN, "en", null, 1, T0);
        repository.save(current, 0);
        for (int round = 0; round < ROUNDS; round++) {
            Session base = current;
            List<Session> rivals = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                rivals.add(base.atStep(i, Status.ACTIVE, T0.plusSeconds(round * WRITERS + i)));
            }

            List<Session> winners = race(rivals, rival -> repository.save(rival, base.version()));

            assertThat(winners).as("round %d", round).hasSize(1);
            current = winners.get(0);
            assertThat(repository.find(OWN)).contains(current);
        }
    }

    @Test
    void letsExactlyOneOfManyRacingFirstWritersWin() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            SessionKey key = SessionKey.own(Platform.SLACK, "T1", "racer-" + round);
            List<Session> rivals = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                rivals.add(new Session(key, "en", null, Set.of(), i, Status.ACTIVE, 1, T0, T0));
            }

            List<Session> winners = race(rivals, rival -> repository.save(rival, 0));

            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(repository.find(key)).contains(winners.get(0));
        }
    }

    @Test
    void deletesOnlySessionsUntouchedSinceTheCutoff() {
        Instant cutoff = T0.plus(Duration.ofDays(7));
        Session idle = Session.begin(OWN, "en", null, 1, T0);
        Session touchedAtTheCutoff = Session.begin(FOR_CUSTOMER, "en", null, 1, cutoff);
        SessionKey recentKey = SessionKey.own(Platform.WEB, "local", "visitor");
        Session recent = Session.begin(recentKey, "en", null, 1, cutoff.plusSeconds(1));
        List.of(idle, touchedAtTheCutoff, recent).forEach(s -> repository.save(s, 0));

        assertThat(repository.deleteIdleSince(cutoff)).isEqualTo(1);

        assertThat(repository.find(OWN)).isEmpty();
        assertThat(repository.find(FOR_CUSTOMER)).contains(touchedAtTheCutoff);
        assertThat(repository.find(recentKey)).contains(recent);
        assertThat(repository.deleteIdleSince(cutoff)).isZero();
    }

    @Test
    void aCachingStoreThatLosesARaceToAnotherInstanceReadsTheWinner() {
        SessionStore here = new SessionStore(repository, 100, Duration.ofMinutes(10));
        SessionStore otherInstance = new SessionStore(repository, 100, Duration.ofMinutes(10));
        Session first = Session.begin(OWN, "en", null, 1, T0);
        here.save(first, 0);
        Session theirs = otherInstance.find(OWN).orElseThrow().atStep(2, Status.ACTIVE, T0.plusSeconds(1));
        assertThat(otherInstance.save(theirs, 1)).isTrue();

        assertThat(here.find(OWN)).contains(first);
        assertThat(here.save(first.atStep(1, Status.ACTIVE, T0.plusSeconds(2)), 1)).isFalse();
        assertThat(here.find(OWN)).contains(theirs);
    }

    @Test
    void reportsAStoredNameItDoesNotKnowAsAStorageError() throws SQLException {
        repository.save(Session.begin(OWN, "en", null, 1, T0), 0);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET status = 'PAUSED'");
        }

        assertThatThrownBy(() -> repository.find(OWN))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("'PAUSED'")
                .hasMessageContaining("newer");
    }

    @Test
    void savesThatQueueBehindACommitShareTheNextOne() throws Exception {
        HeldDataSource pool = new HeldDataSource(database.dataSource());
        JdbcSessionRepository shared = new JdbcSessionRepository(pool, "the test database", Duration.ofSeconds(30));
        pool.hold();
        Saving first = Saving.start(shared, Session.begin(SessionKey.own(Platform.TEAMS, "T1", "first"), "en", null, 1, T0), 0);
        pool.awaitSomeoneHeld();
        List<Saving> queued = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            queued.add(Saving.start(shared, Session.begin(SessionKey.own(Platform.TEAMS, "T1", "queued-" + i), "en", null, 1, T0), 0)
                    .awaitQueued());
        }

        pool.letGo();

        assertThat(first.result()).isTrue();
        for (Saving saving : queued) {
            assertThat(saving.result()).isTrue();
            assertThat(repository.find(saving.session.key())).contains(saving.session);
        }
        assertThat(pool.connectionsAsked()).as("one connection for the first save, one for the eight queued behind it")
                .isEqualTo(2);
    }

    @Test
    void aSaveThatFailsInASharedCommitFailsAloneAndTheOthersLand() throws Exception {
        Session stored = Session.begin(OWN, "en", null, 1, T0);
        repository.save(stored, 0);
        HeldDataSource pool = new HeldDataSource(database.dataSource());
        JdbcSessionRepository shared = new JdbcSessionRepository(pool, "the test database", Duration.ofSeconds(30));
        pool.hold();
        Session other = Session.begin(FOR_CUSTOMER, "en", null, 1, T0);
        Saving first = Saving.start(shared, other, 0);
        pool.awaitSomeoneHeld();
        Saving stale = Saving.start(shared, stored.atStep(5, Status.ACTIVE, T0.plusSeconds(1)), 7).awaitQueued();
        SessionKey newKey = SessionKey.own(Platform.SLACK, "T1", "U2");
        Saving fresh = Saving.start(shared, Session.begin(newKey, "en", null, 1, T0), 0).awaitQueued();
        Session moved = stored.atStep(2, Status.ACTIVE, T0.plusSeconds(2));
        Saving current = Saving.start(shared, moved, stored.version()).awaitQueued();
        // Last in the shared transaction: PostgreSQL answers the commit of a transaction that a refused statement
        // aborted with a rollback, which would lose every save before it.
        Saving duplicate = Saving.start(shared, Session.begin(OWN, "de", Direction.TO_BIGCOMMERCE, 1, T0), 0).awaitQueued();

        pool.letGo();

        assertThat(first.result()).isTrue();
        assertThat(duplicate.result()).isFalse();
        assertThat(stale.result()).isFalse();
        assertThat(fresh.result()).isTrue();
        assertThat(current.result()).isTrue();
        assertThat(repository.find(OWN)).contains(moved);
        assertThat(repository.find(FOR_CUSTOMER)).contains(other);
        assertThat(repository.find(newKey)).isPresent();
    }

    @Test
    void aSaveThatNoCommitCarriesInTimeIsReportedAndNeverWrittenLater() throws Exception {
        HeldDataSource pool = new HeldDataSource(database.dataSource());
        JdbcSessionRepository shared = new JdbcSessionRepository(pool, "the test database", Duration.ofMillis(200));
        pool.hold();
        Saving first = Saving.start(shared, Session.begin(OWN, "en", null, 1, T0), 0);
        pool.awaitSomeoneHeld();
        Saving late = Saving.start(shared, Session.begin(FOR_CUSTOMER, "en", null, 1, T0), 0);

        assertThatThrownBy(late::result)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("the test database")
                .hasMessageContaining("no commit could start within 200 ms");
        pool.letGo();
        assertThat(first.result()).isTrue();
        assertThat(repository.find(FOR_CUSTOMER)).isEmpty();
    }

    /** A save on a thread of its own, so that a test can line saves up behind a held commit. */
    private static final class Saving {
        private final Session session;
        private final Thread thread;
        private volatile Boolean saved;
        private volatile RuntimeException failed;

        private Saving(Session session, Thread thread) {
            this.session = session;
            this.thread = thread;
        }

        static Saving start(JdbcSessionRepository repository, Session session, long expectedVersion) {
            Saving[] self = new Saving[1];
            Thread thread = new Thread(() -> {
                try {
                    self[0].saved = repository.save(session, expectedVersion);
                } catch (RuntimeException e) {
                    self[0].failed = e;
                }
            }, "save-" + session.key().user());
            self[0] = new Saving(session, thread);
            thread.start();
            return self[0];
        }

        /** Returns once the save waits for a commit to carry it. */
        Saving awaitQueued() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (thread.getState() != Thread.State.TIMED_WAITING) {
                if (System.nanoTime() > deadline || !thread.isAlive()) {
                    throw new AssertionError("the save of " + session.key() + " never queued: " + thread.getState());
                }
                Thread.sleep(1);
            }
            return this;
        }

        boolean result() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("the save of %s is still running", session.key()).isFalse();
            if (failed != null) {
                throw failed;
            }
            return saved;
        }
    }

    private static List<Session> race(List<Session> rivals, Predicate<Session> save) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(rivals.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Session rival : rivals) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return save.test(rival);
                };
                results.add(threads.submit(attempt));
            }
            start.countDown();
            List<Session> winners = new ArrayList<>();
            for (int i = 0; i < rivals.size(); i++) {
                if (results.get(i).get(30, TimeUnit.SECONDS)) {
                    winners.add(rivals.get(i));
                }
            }
            return winners;
        } finally {
            threads.shutdownNow();
        }
    }
}
