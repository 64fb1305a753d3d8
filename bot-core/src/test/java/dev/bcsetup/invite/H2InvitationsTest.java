package dev.bcsetup.invite;

import dev.bcsetup.store.Database;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** One-time links on the embedded H2 file, the default storage. */
class H2InvitationsTest extends InvitationsContract {

    @TempDir
    Path dataDirectory;

    private Database database;

    @Override
    Database emptyDatabase() {
        database = Database.open(Optional.empty(), dataDirectory);
        return database;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
