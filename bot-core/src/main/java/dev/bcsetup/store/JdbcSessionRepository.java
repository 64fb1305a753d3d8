package dev.bcsetup.store;

import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.Status;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Sessions in the {@code sessions} table of a {@link Database}, shared by every instance that uses
 * the same database. Each save is one statement that checks the version, so the database itself
 * decides which of two racing writers wins. Timestamps keep microseconds, as PostgreSQL does.
 *
 * <p>Saves from many threads share commits ({@link SharedCommits}): each still returns only once its own write is
 * committed, so a killed process loses no click that was answered, but one commit (on H2, one write to the file)
 * carries every save that queued while the previous one was under way.
 */
public final class JdbcSessionRepository implements SessionRepository {

    /** SQLSTATE for a unique or primary key violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String KEY_MATCHES = "platform = ? AND workspace = ? AND user_id = ? AND customer = ?";

    private static final String FIND = "SELECT locale, direction, data_sets, step, status, version, created_at, updated_at"
            + " FROM sessions WHERE " + KEY_MATCHES;
    private static final String INSERT = "INSERT INTO sessions (locale, direction, data_sets, step, status, version,"
            + " created_at, updated_at, platform, workspace, user_id, customer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE sessions SET locale = ?, direction = ?, data_sets = ?, step = ?,"
            + " status = ?, version = ?, created_at = ?, updated_at = ? WHERE " + KEY_MATCHES + " AND version = ?";
    private static final String DELETE_IDLE = "DELETE FROM sessions WHERE updated_at < ?";

    private final DataSource dataSource;
    private final String databaseDescription;
    private final SharedCommits saves;

    /** Sessions in {@code database}, whose lifecycle stays with the caller. */
    public JdbcSessionRepository(Database database) {
        this(database.dataSource(), database.description(), Database.CONNECTION_TIMEOUT);
    }

    /**
     * Sessions reached through {@code dataSource} (in tests, a pool they can hold up); a save waits at most
     * {@code patience} for a commit to start carrying it.
     */
    JdbcSessionRepository(DataSource dataSource, String databaseDescription, Duration patience) {
        this.dataSource = dataSource;
        this.databaseDescription = databaseDescription;
        this.saves = new SharedCommits(dataSource, patience, e -> failure("save a session in", e));
    }

    @Override
    public Optional<Session> find(SessionKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            bindKey(select, 1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(session(key, row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a session from", e);
        }
    }

    @Override
    public boolean save(Session session, long expectedVersion) {
        return saves.run((connection, alone) -> expectedVersion == 0
                ? insert(connection, session, alone)
                : update(connection, session, expectedVersion));
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_IDLE)) {
            delete.setObject(1, timestamp(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete idle sessions from", e);
        }
    }

    /** Inserts a new session; when {@code alone}, a session already there is an answer (false), not a failure. */
    private static boolean insert(Connection connection, Session session, boolean alone) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int next = bindFields(insert, session);
            bindKey(insert, next, session.key());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (alone && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // someone else started this setup first
            }
            throw e;
        }
    }

    private static boolean update(Connection connection, Session session, long expectedVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int next = bindFields(update, session);
            next = bindKey(update, next, session.key());
            update.setLong(next, expectedVersion);
            return update.executeUpdate() == 1;
        }
    }

    /** Binds every non-key column in the order INSERT and UPDATE list them; returns the next index. */
    private static int bindFields(PreparedStatement statement, Session session) throws SQLException {
        statement.setString(1, session.locale());
        if (session.direction() == null) {
            statement.setNull(2, Types.VARCHAR);
        } else {
            statement.setString(2, session.direction().name());
        }
        statement.setString(3, session.dataSets().stream()
                .sorted()
                .map(DataSet::name)
                .collect(Collectors.joining(",")));
        statement.setInt(4, session.step());
        statement.setString(5, session.status().name());
        statement.setLong(6, session.version());
        statement.setObject(7, timestamp(session.createdAt()));
        statement.setObject(8, timestamp(session.updatedAt()));
        return 9;
    }

    private static int bindKey(PreparedStatement statement, int first, SessionKey key) throws SQLException {
        statement.setString(first, key.platform().name());
        statement.setString(first + 1, key.workspace());
        statement.setString(first + 2, key.user());
        statement.setString(first + 3, key.customerId().orElse(""));
        return first + 4;
    }

    private static Session session(SessionKey key, ResultSet row) throws SQLException {
        String direction = row.getString("direction");
        return new Session(
                key,
                row.getString("locale"),
                direction == null ? null : known(Direction.class, direction, key),
                dataSets(row.getString("data_sets"), key),
                row.getInt("step"),
                known(Status.class, row.getString("status"), key),
                row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static Set<DataSet> dataSets(String names, SessionKey key) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(names.split(","))
                .map(name -> known(DataSet.class, name, key))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataSet.class)));
    }

    /** An enum constant by name; a name this version does not know was written by a newer one. */
    private static <E extends Enum<E>> E known(Class<E> type, String name, SessionKey key) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StorageException("the stored session of " + describe(key) + " has the " + type.getSimpleName()
                    + " '" + name + "', which this version of the bot does not know; was it written by a newer one?");
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String describe(SessionKey key) {
        return key.platform() + " user " + key.user();
    }

    private StorageException failure(String action, SQLException e) {
        return new StorageException(
                "session storage could not " + action + " " + databaseDescription + ": " + Database.rootMessage(e), e);
    }
}
