package dev.bcsetup.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real pool in front of which a test can hold up the next request for a connection, as a busy or unanswering
 * database would, and count how many connections were asked for.
 */
final class HeldDataSource implements DataSource {

    private final DataSource pool;
    private final AtomicInteger asked = new AtomicInteger();
    private volatile CountDownLatch arrived = new CountDownLatch(0);
    private volatile CountDownLatch released = new CountDownLatch(0);

    HeldDataSource(DataSource pool) {
        this.pool = pool;
    }

    /** From now on, whoever asks for a connection waits until {@link #letGo()}. */
    void hold() {
        arrived = new CountDownLatch(1);
        released = new CountDownLatch(1);
    }

    /** Waits until somebody is held. */
    void awaitSomeoneHeld() throws InterruptedException {
        if (!arrived.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("nobody asked for a connection within 10 s");
        }
    }

    void letGo() {
        released.countDown();
    }

    int connectionsAsked() {
        return asked.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        asked.incrementAndGet();
        arrived.countDown();
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new SQLException("the test never let the held connection go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while held", e);
        }
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
