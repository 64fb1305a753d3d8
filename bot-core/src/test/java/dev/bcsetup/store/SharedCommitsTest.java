package dev.bcsetup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SharedCommitsTest {

    private static final Duration PATIENCE = Duration.ofMillis(200);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(300);

    /**
     * A database that is down: a pool asked for a connection gives up after its timeout. Saves keep coming from many
     * threads, so whenever a commit ends another save is there to start the next one; a save that a commit already
     * carried must still learn its outcome when that commit ends, not wait its turn behind the commits after it.
     */
    @Test
    void whileTheDatabaseIsDownNoSaveWaitsLongerThanItsPatienceAndOneCommit() throws Exception {
        SharedCommits commits = new SharedCommits(new DownDatabase(), PATIENCE, e -> new StorageException(e.getMessage(), e));
        int threads = 16;
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        ExecutorService savers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> slowest = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                slowest.add(savers.submit(() -> {
                    long longest = 0;
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        try {
                            commits.run((connection, alone) -> true);
                            throw new AssertionError("a save succeeded on a database that is down");
                        } catch (StorageException expected) {
                            longest = Math.max(longest, System.nanoTime() - start);
                        }
                    }
                    return TimeUnit.NANOSECONDS.toMillis(longest);
                }));
            }
            long worst = 0;
            for (Future<Long> thread : slowest) {
                worst = Math.max(worst, thread.get(30, TimeUnit.SECONDS));
            }
            // Its patience, then the commit that took it over; the rest is room for a busy machine.
            assertThat(worst).isLessThan(PATIENCE.plus(CONNECTION_TIMEOUT).plusMillis(1000).toMillis());
        } finally {
            savers.shutdownNow();
        }
    }

    @Test
    void aWriteThatThrowsInASharedCommitFailsAloneAndTheWritesBesideItAreCommitted() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:shared-commits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marks (id INT PRIMARY KEY)");
        }
        HeldDataSource pool = new HeldDataSource(h2);
        SharedCommits commits = new SharedCommits(pool, Duration.ofSeconds(30), e -> new StorageException(e.getMessage(), e));
        pool.hold();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            Future<Boolean> first = writers.submit(() -> commits.run(mark(1)));
            pool.awaitSomeoneHeld();
            Future<Boolean> before = queueBehind(writers, commits, mark(2));
            Future<Boolean> broken = queueBehind(writers, commits, (connection, alone) -> {
                throw new IllegalStateException("a write with a bug");
            });
            Future<Boolean> after = queueBehind(writers, commits, mark(4));

            pool.letGo();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(before.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(after.get(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("a write with a bug");
            assertThat(pool.connectionsAsked()).as("the three queued writes shared a connection").isEqualTo(2);
        } finally {
            writers.shutdownNow();
        }
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM marks ORDER BY id")) {
            List<Integer> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
            assertThat(ids).as("the writes either side of the broken one committed").containsExactly(1, 2, 4);
        }
    }

    private static SharedCommits.Write mark(int id) {
        return (connection, alone) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO marks (id) VALUES (?)")) {
                insert.setInt(1, id);
                return insert.executeUpdate() == 1;
            }
        };
    }

    /** Starts {@code write} and returns once it waits for the commit under way to end. */
    private static Future<Boolean> queueBehind(ExecutorService writers, SharedCommits commits, SharedCommits.Write write)
            throws InterruptedException {
        Thread[] writer = new Thread[1];
        CountDownLatch started = new CountDownLatch(1);
        Future<Boolean> result = writers.submit(() -> {
            writer[0] = Thread.currentThread();
            started.countDown();
            return commits.run(write);
        });
        started.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer[0].getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("the write never queued").isLessThan(deadline);
            Thread.sleep(1);
        }
        return result;
    }

    /** A pool whose database does not answer: every request for a connection times out, as Hikari's does. */
    private static final class DownDatabase implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            try {
                Thread.sleep(CONNECTION_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLTransientConnectionException("Connection is not available, request timed out after "
                    + CONNECTION_TIMEOUT.toMillis() + "ms");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
