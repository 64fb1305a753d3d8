package dev.bcsetup.handoff;

import dev.bcsetup.store.Database;
import dev.bcsetup.store.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** The plumbing the hand-off tables share: connections, transactions, timestamps, and errors without secrets. */
final class Jdbc {

    /** SQLSTATE for a unique or primary key violation, the same on PostgreSQL and H2. */
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String description;

    Jdbc(Database database) {
        this.dataSource = database.dataSource();
        this.description = database.description();
    }

    /** Work on one connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T once(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none. */
    <T> T inTransaction(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    StorageException failure(String action, SQLException e) {
        // The driver's message may quote a statement; it never holds plaintext secrets, which are sealed first.
        return new StorageException("hand-off storage could not " + action + " " + description + ": " + e.getMessage(), e);
    }

    static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(instant(row, column));
    }
}
