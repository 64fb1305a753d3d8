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
