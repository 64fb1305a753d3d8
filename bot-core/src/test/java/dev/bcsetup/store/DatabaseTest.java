package dev.bcsetup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.Direction;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T1", "U1");
    private static final String PASSWORD = "s3cret-Pa55word";

    @TempDir
    Path dataDirectory;

    @Test
    void keepsSessionsAcrossARestartOnTheSameH2File() {
        Session saved = Session.begin(KEY, "en", Direction.TO_BIGCOMMERCE, 1, T0);
        try (Database before = Database.open(Optional.empty(), dataDirectory)) {
            new JdbcSessionRepository(before).save(saved, 0);
        }

        try (Database after = Database.open(Optional.empty(), dataDirectory)) {
            assertThat(new JdbcSessionRepository(after).find(KEY)).contains(saved);
        }
    }

    @Test
    void createsTheH2FileInADataDirectoryThatDoesNotExistYet() {
        Path nested = dataDirectory.resolve("state/bot");

        try (Database database = Database.open(Optional.empty(), nested)) {
            assertThat(database.ping()).isTrue();
            assertThat(database.description()).contains(nested.resolve("sessions.mv.db").toString());
        }
        assertThat(nested.resolve("sessions.mv.db")).isRegularFile();
    }

    @Test
    void opensAnH2UrlGivenInsteadOfTheDefaultFile() {
        String url = "jdbc:h2:file:" + dataDirectory.resolve("elsewhere").toAbsolutePath() + ";USER=bot;PASSWORD=" + PASSWORD;
        Session saved = Session.begin(KEY, "en", null, 1, T0);

        try (Database database = Database.open(Optional.of(url), dataDirectory.resolve("unused"))) {
            JdbcSessionRepository repository = new JdbcSessionRepository(database);
            assertThat(repository.save(saved, 0)).isTrue();
            assertThat(repository.find(KEY)).contains(saved);
            assertThat(database.description()).doesNotContain(PASSWORD);
        }
        assertThat(dataDirectory.resolve("elsewhere.mv.db")).isRegularFile();
        assertThat(dataDirectory.resolve("unused")).doesNotExist();
    }

    @Test
    void aRequestHearsThatTheDatabaseIsUnreachableWithinASecond() throws Exception {
        int port = closedPort();
        try (Database unreachable = Database.connect(
                Optional.of("jdbc:postgresql://127.0.0.1:" + port + "/sessions?user=bot&ssl=false"), dataDirectory)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> unreachable.dataSource().getConnection().close()).isInstanceOf(SQLException.class);
            // In time for Slack's 3 s acknowledgement of a form, which waits for one save.
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(Database.CONNECTION_TIMEOUT.toMillis() - 50, 2_000L);
        }
    }

    @Test
    void waitsLongerThanARequestForTheFirstConnectionToAnH2File() {
        // The connection that opens the file pauses longer than a request waits, as opening it did on a busy
        // machine; connections to the database once it is open come at once.
        String slow = "jdbc:h2:file:" + dataDirectory.resolve("slow") + ";INIT=CREATE ALIAS IF NOT EXISTS PAUSE FOR"
                + " \"java.lang.Thread.sleep\"\\;CALL PAUSE(CASE WHEN (SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS) = 1"
                + " THEN " + (Database.CONNECTION_TIMEOUT.toMillis() + 1000) + " ELSE 0 END)";

        try (Database database = Database.open(Optional.of(slow), dataDirectory)) {
            assertThat(database.ping()).isTrue();
        }
    }

    @Test
    void answersPingsUntilClosed() {
        Database database = Database.open(Optional.empty(), dataDirectory);
        assertThat(database.ping()).isTrue();

        database.close();

        assertThat(database.ping()).isFalse();
    }

    @Test
    void refusesToOpenAnUnreachablePostgresAndSaysWhichWithoutThePassword() throws IOException {
        int port = closedPort();
        String url = "jdbc:postgresql://bot:" + PASSWORD + "@127.0.0.1:" + port + "/sessions";

        assertFailsClearlyWithoutPassword(() -> Database.open(Optional.of(url), dataDirectory), port);
    }

    @Test
    void reportsAnUnreachablePostgresOnEveryCallAndFailsItsPing() throws IOException {
        int port = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/sessions?user=bot&password=" + PASSWORD + "&ssl=false";

        try (Database database = Database.connect(Optional.of(url), dataDirectory)) {
            JdbcSessionRepository repository = new JdbcSessionRepository(database);

            assertThat(database.ping()).isFalse();
            assertFailsClearlyWithoutPassword(() -> repository.find(KEY), port);
            assertFailsClearlyWithoutPassword(() -> repository.save(Session.begin(KEY, "en", null, 1, T0), 0), port);
        }
    }

    private static void assertFailsClearlyWithoutPassword(ThrowingCallable call, int port) {
        assertThatThrownBy(call)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:" + port + "/sessions")
                .hasMessageContaining("Connection refused")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(t.toString()).doesNotContain(PASSWORD);
                    }
                });
    }

    /** A loopback port that nothing listens on: just freed by us. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
