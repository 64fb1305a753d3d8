package dev.bcsetup.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Writes from many threads that share commits. The thread that finds no commit under way commits every write queued
 * so far in one transaction; writes that arrive meanwhile wait, and the next commit carries them all. Each write
 * still returns only after its own commit, so nothing is acknowledged that a kill could lose. A write that finds
 * the database idle commits at once, without waiting for company.
 *
 * <p>If anything in a shared transaction fails (a refused insert, a deadlock with another instance, a write that
 * throws), the transaction is rolled back and its writes are run again one at a time, each in its own commit, so one
 * write's failure never becomes another's.
 */
final class SharedCommits {

    /** One write in SQL. */
    interface Write {
        /**
         * Runs the write on {@code connection}; true when it changed what it meant to change, false when the row it
         * expected was gone. {@code alone} is false inside a shared transaction: any failure must then be thrown,
         * because on PostgreSQL one failed statement aborts the whole transaction.
         */
        boolean apply(Connection connection, boolean alone) throws SQLException;
    }

    /** Turns a failure into what callers see; it must not carry anything secret. */
    interface Failure {
        RuntimeException of(SQLException cause);
    }

    /** Enough to share most of a commit's cost; a bound keeps one transaction, and its row locks, short. */
    private static final int MOST_PER_COMMIT = 64;

    private final DataSource dataSource;
    private final Duration patience;
    private final Failure failure;
    private final ReentrantLock committing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();

    /** Writes to {@code dataSource}; a write waits at most {@code patience} for a commit to start carrying it. */
    SharedCommits(DataSource dataSource, Duration patience, Failure failure) {
        this.dataSource = dataSource;
        this.patience = patience;
        this.failure = failure;
    }

    /**
     * Runs {@code write} in the next commit and returns its result once that commit is done. Waits at most the
     * patience for a commit to take the write over, then only for the commit that did.
     */
    boolean run(Write write) {
        Queued queued = new Queued(write);
        queue.add(queued);
        if (lockWithin(patience)) {
            try {
                if (!queued.isDone()) {
                    commitQueued();
                }
            } finally {
                committing.unlock();
            }
        } else if (queue.remove(queued)) {
            throw failure.of(new SQLException("no commit could start within " + patience.toMillis()
                    + " ms: the database is slow or not answering"));
        }
        // Not by taking the lock: while the database is down, each commit that follows holds it until it gives up.
        queued.awaitDone();
        return queued.outcome();
    }

    private boolean lockWithin(Duration wait) {
        try {
            return committing.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Called with the lock held: commits what is queued, at most {@link #MOST_PER_COMMIT} writes. */
    private void commitQueued() {
        List<Queued> batch = new ArrayList<>();
        for (Queued next; batch.size() < MOST_PER_COMMIT && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (batch.size() == 1 || !committedTogether(connection, batch)) {
                for (Queued queued : batch) {
                    commitAlone(connection, queued);
                }
            }
        } catch (SQLException e) {
            for (Queued queued : batch) {
                if (!queued.isDone()) {
                    queued.fail(failure.of(e));
                }
            }
        } finally {
            // Whatever went wrong, no thread is left waiting for a commit that has ended.
            for (Queued queued : batch) {
                if (!queued.isDone()) {
                    queued.fail(failure.of(new SQLException("the commit that carried this save ended unexpectedly")));
                }
            }
        }
    }

    /** True when every write of {@code batch} is committed; false, with nothing written, when one of them failed. */
    private static boolean committedTogether(Connection connection, List<Queued> batch) throws SQLException {
        connection.setAutoCommit(false);
        try {
            boolean[] results = new boolean[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                results[i] = batch.get(i).write.apply(connection, false);
            }
            connection.commit();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeed(results[i]);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            // Rolled back before auto-commit is switched on again, which would commit what the transaction holds.
            connection.rollback();
            return false;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void commitAlone(Connection connection, Queued queued) {
        try {
            queued.succeed(queued.write.apply(connection, true));
        } catch (SQLException e) {
            queued.fail(failure.of(e));
        } catch (RuntimeException e) {
            queued.fail(e);
        }
    }

    /** A write and, once committed or failed, its outcome; the latch publishes the outcome to the waiting thread. */
    private static final class Queued {
        private final Write write;
        private final CountDownLatch done = new CountDownLatch(1);
        private boolean changed;
        private RuntimeException failed;

        Queued(Write write) {
            this.write = write;
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        void succeed(boolean changed) {
            this.changed = changed;
            done.countDown();
        }

        void fail(RuntimeException failed) {
            this.failed = failed;
            done.countDown();
        }

        /** Returns once a commit has carried this write; that commit is bounded by the pool's and driver's timeouts. */
        void awaitDone() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        boolean outcome() {
            if (failed != null) {
                throw failed;
            }
            return changed;
        }
    }
}
