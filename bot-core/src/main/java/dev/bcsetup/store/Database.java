package dev.bcsetup.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The session database: a connection pool to PostgreSQL (when several instances share state) or to
 * an embedded H2 file, with its schema brought up to date by the Flyway migrations in
 * {@code db/migration}.
 */
public final class Database implements AutoCloseable {

    /**
     * How long a request waits for a connection before storage is reported unavailable. Short, because a Slack form
     * submission is answered on the request thread after one save and Slack gives up after 3 s: with the database
     * gone, the merchant must still hear "not saved" in time. A healthy pool hands out a connection in microseconds.
     * An embedded H2 database is opened once without it (see {@link #open}).
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** How long {@link #open} waits for the first connection to a database server, which may still be starting. */
    private static final Duration FIRST_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    private static final int PING_TIMEOUT_SECONDS = 2;
    private static final Duration QUERY_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final HikariDataSource dataSource;
    private final JdbcTarget target;

    private Database(HikariDataSource dataSource, JdbcTarget target) {
        this.dataSource = dataSource;
        this.target = target;
    }

    /**
     * Connects to {@code jdbcUrl} ({@code jdbc:postgresql:} or {@code jdbc:h2:}, credentials may be
     * part of it), or to the H2 file {@code sessions.mv.db} under {@code dataDirectory} when absent,
     * and migrates the schema.
     *
     * @throws StorageException when the database cannot be reached or migrated
     * @throws IllegalArgumentException when the URL is not one of the two kinds
     */
    @SuppressWarnings("try") // the held connection is there only to keep an embedded database open
    public static Database open(Optional<String> jdbcUrl, Path dataDirectory) {
        JdbcTarget target = target(jdbcUrl, dataDirectory);
        try (Connection held = target.embedded() ? openEmbedded(target) : null) {
            Database database = connect(target);
            try {
                database.awaitFirstConnection();
                database.migrate();
                return database;
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("could not open " + target + ": " + rootMessage(e), e);
        }
    }

    /** The pool without touching the database yet; {@link #open} also migrates. */
    static Database connect(Optional<String> jdbcUrl, Path dataDirectory) {
        return connect(target(jdbcUrl, dataDirectory));
    }

    private static JdbcTarget target(Optional<String> jdbcUrl, Path dataDirectory) {
        if (jdbcUrl.isPresent()) {
            return JdbcTarget.parse(jdbcUrl.get());
        }
        createDirectory(dataDirectory);
        return JdbcTarget.h2File(dataDirectory);
    }

    private static Database connect(JdbcTarget target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sessions");
        config.setDriverClassName(target.kind().driverClassName());
        config.setJdbcUrl(target.url());
        target.user().ifPresent(config::setUsername);
        target.password().ifPresent(config::setPassword);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Duration.ofSeconds(PING_TIMEOUT_SECONDS).toMillis());
        if (target.kind() == JdbcTarget.Kind.POSTGRESQL) {
            // A query on a silent network would otherwise wait forever; a socketTimeout in the URL wins.
            config.addDataSourceProperty("socketTimeout", String.valueOf(QUERY_SOCKET_TIMEOUT.toSeconds()));
        }
        // Start without a connection: open() reports an unreachable database itself, in its own words.
        config.setInitializationFailTimeout(-1);
        return new Database(new HikariDataSource(config), target);
    }

    /**
     * Asks for a connection until one comes or {@link #FIRST_CONNECTION_TIMEOUT} passes; the pool keeps connecting
     * meanwhile. If none came, {@link #migrate} reports the database unreachable in its own words.
     */
    private void awaitFirstConnection() {
        long deadline = System.nanoTime() + FIRST_CONNECTION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = dataSource.getConnection()) {
                return;
            } catch (SQLException e) {
                // Not yet: asked again until the deadline.
            }
        }
    }

    /**
     * Opens an embedded H2 database outside the pool, for as long as that takes, and returns a connection that keeps it
     * open while the pool connects and the schema is migrated. It has no network to be unreachable, only a busy machine
     * (class loading) or recovery after a crash to make this slow: more than the pool's request timeout on a machine
     * running other builds, which stopped the server from starting at all.
     *
     * <p>A file is closed once first, right after H2 has opened it (and recovered it, if the last process was killed),
     * and opened again. Without that, when this process was killed as well, H2's next recovery sometimes fell back to
     * the state from before this process started and lost everything it had committed: ResumeAfterKillIT saw merchants
     * moved steps back (2 of 4 runs under load), HandOffCrashIT hand-offs gone whose receipt the merchant had seen.
     * Closed cleanly, the file gets a clean header and is trimmed to what recovery kept; no run has lost a commit since.
     */
    private static Connection openEmbedded(JdbcTarget target) throws SQLException {
        if (target.file()) {
            connectOutsideThePool(target).close();
        }
        return connectOutsideThePool(target);
    }

    private static Connection connectOutsideThePool(JdbcTarget target) throws SQLException {
        Properties credentials = new Properties();
        target.user().ifPresent(user -> credentials.setProperty("user", user));
        target.password().ifPresent(password -> credentials.setProperty("password", password));
        try {
            Class.forName(target.kind().driverClassName());
        } catch (ClassNotFoundException e) {
            throw new StorageException("the " + target.kind() + " driver is missing from the class path", e);
        }
        return DriverManager.getConnection(target.url(), credentials);
    }

    /** Applies every migration the database has not seen yet. */
    void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("could not prepare the session tables in " + target + ": " + rootMessage(e), e);
        }
    }

    /** The pooled connections. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** What this database is, without credentials: for logs and the start-up report. */
    public String description() {
        return target.description();
    }

    /** Whether the database answers now, within a few seconds; for the readiness probe. */
    public boolean ping() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PING_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes every pooled connection; H2 then closes its file. */
    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + target + "]";
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StorageException("could not create the data directory " + directory.toAbsolutePath(), e);
        }
    }
}
