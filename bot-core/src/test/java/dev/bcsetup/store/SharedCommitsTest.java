package dev.bcsetup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
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
