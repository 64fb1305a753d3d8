package dev.bcsetup.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.EmbeddedPostgresDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registered engineers' channel, on the H2 file and on a real PostgreSQL. */
class EngineerChannelsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:30:00.123456Z");

    @TempDir
    static Path dataDirectory;

    private static EmbeddedPostgresDatabase postgres;
    private static Database h2;

    @BeforeAll
    static void openDatabases() throws IOException {
        h2 = Database.open(Optional.empty(), dataDirectory);
        postgres = EmbeddedPostgresDatabase.start();
    }

    @AfterAll
    static void closeDatabases() throws IOException {
        h2.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static Database database(String name) {
        Database database = name.equals("h2") ? h2 : postgres.database();
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM engineer_channels");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRegistrationIsKeptAndTheLatestOneWins(String name) {
        Database database = database(name);
        EngineerChannels channels = new EngineerChannels(database, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(channels.find(Platform.TEAMS)).isEmpty();

        channels.register(Platform.TEAMS, "19:first@thread.tacv2", "https://smba.trafficmanager.net/emea/", "aad-1");
        EngineerChannels.Registered latest = channels.register(Platform.TEAMS, "19:second@thread.tacv2",
                "https://smba.trafficmanager.net/amer/", "aad-2");

        // A new instance over the same database (a restart, another instance) reads what was registered.
        EngineerChannels afterRestart = new EngineerChannels(database, Clock.systemUTC());
        assertThat(afterRestart.find(Platform.TEAMS)).contains(latest);
        assertThat(latest.registeredAt()).isEqualTo(T0);
        assertThat(afterRestart.find(Platform.SLACK)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusesBlankOrOversizedValuesWithoutStoringAnything(String name) {
        EngineerChannels channels = new EngineerChannels(database(name), Clock.fixed(T0, ZoneOffset.UTC));
        for (List<String> values : List.of(List.of(" ", "https://x/", "a"), List.of("19:c", "https://x/", ""),
                List.of("19:" + "c".repeat(600), "https://x/", "a"))) {
            assertThatThrownBy(() -> channels.register(Platform.TEAMS, values.get(0), values.get(1), values.get(2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 1 to 512 characters");
        }
        assertThat(channels.find(Platform.TEAMS)).isEmpty();
    }
}
