package dev.bcsetup.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bcsetup.conversation.MutableClock;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.store.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one-time setup links must do, run against each database the bot supports by the subclasses. */
abstract class InvitationsContract {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private Database database;
    private MutableClock clock;
    private Invitations invitations;

    /** A migrated database whose invitations table is empty, for one test. */
    abstract Database emptyDatabase();

    @BeforeEach
    void useAnEmptyDatabase() {
        database = emptyDatabase();
        clock = new MutableClock(T0);
        invitations = new Invitations(database, clock, new SecureRandom(), Duration.ofDays(7));
    }

    @Test
    void theFirstBrowserIsAdmittedAndMayComeBackWhileAnyOtherIsRefused() {
        String token = invitations.create("tenant-1", "29:agent", "jane@example.com", Optional.of(Direction.TO_BIGCOMMERCE), "en-US");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        Redemption first = invitations.redeem(token, "browser-a");
        assertThat(first).isInstanceOf(Redemption.Admitted.class);
        Invitation invitation = ((Redemption.Admitted) first).invitation();
        assertThat(invitation.sessionKey())
                .isEqualTo(SessionKey.onBehalf(Platform.WEB, "tenant-1", "29:agent", "jane@example.com"));
        assertThat(invitation.direction()).contains(Direction.TO_BIGCOMMERCE);
        assertThat(invitation.locale()).isEqualTo("en-US");
        assertThat(invitation.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));

        assertThat(invitations.redeem(token, "browser-a")).isInstanceOf(Redemption.Admitted.class);
        assertThat(invitations.redeem(token, "browser-b")).isInstanceOf(Redemption.AlreadyUsed.class);
    }

    @Test
    void expiresForEveryoneAfterItsValidity() {
        String token = invitations.create("tenant-1", "29:agent", "Jane Doe", Optional.empty(), null);
        assertThat(invitations.redeem(token, "browser-a")).isInstanceOf(Redemption.Admitted.class);
        clock.advance(Duration.ofDays(7));
        assertThat(invitations.redeem(token, "browser-a")).isInstanceOf(Redemption.Expired.class);
        String unopened = invitations.create("tenant-1", "29:agent", "Joe", Optional.empty(), null);
        clock.advance(Duration.ofDays(8));
        assertThat(invitations.redeem(unopened, "browser-b")).isInstanceOf(Redemption.Expired.class);
        assertThat(invitations.deleteExpiredBefore(clock.instant())).isEqualTo(2);
        assertThat(invitations.redeem(unopened, "browser-b")).isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    void unknownAndMalformedTokensAreUnknown() {
        invitations.create("tenant-1", "29:agent", "Jane", Optional.empty(), null);
        assertThat(invitations.redeem("A".repeat(43), "browser")).isInstanceOf(Redemption.Unknown.class);
        assertThat(invitations.redeem("short", "browser")).isInstanceOf(Redemption.Unknown.class);
        assertThat(invitations.redeem("' OR 1=1 --" + "x".repeat(32), "browser")).isInstanceOf(Redemption.Unknown.class);
        assertThat(invitations.redeem(null, "browser")).isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    void storesOnlyTheHashOfTheTokenAndOfTheBrowser() throws SQLException {
        String token = invitations.create("tenant-1", "29:agent", "Jane", Optional.empty(), null);
        invitations.redeem(token, "browser-cookie-value");
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM invitations")) {
            assertThat(row.next()).isTrue();
            StringBuilder everything = new StringBuilder();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                everything.append(row.getString(column)).append('|');
            }
            assertThat(everything.toString()).doesNotContain(token).doesNotContain("browser-cookie-value")
                    .contains(Invitations.hash(token));
        }
    }

    @Test
    void tokensAreDistinctAndComeFromTheInjectedRandom() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(invitations.create("tenant-1", "29:agent", "Jane", Optional.empty(), null));
        }
        assertThat(tokens).hasSize(50);
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 7);
            }
        };
        String predictable = new Invitations(database, clock, fixed, Duration.ofDays(1))
                .create("tenant-1", "29:agent", "Jane", Optional.empty(), null);
        assertThat(predictable).isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(filled(32, (byte) 7)));
    }

    @Test
    void whenBrowsersRaceForOneLinkExactlyOneGetsIn() throws Exception {
        for (int round = 0; round < 10; round++) {
            String token = invitations.create("tenant-1", "29:agent", "Jane", Optional.empty(), null);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Redemption>> browsers = new ArrayList<>();
                for (int b = 0; b < 8; b++) {
                    String browser = "browser-" + b;
                    browsers.add(() -> invitations.redeem(token, browser));
                }
                int admitted = 0;
                for (Future<Redemption> result : pool.invokeAll(browsers)) {
                    admitted += result.get() instanceof Redemption.Admitted ? 1 : 0;
                }
                assertThat(admitted).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void refusesBlankOrOverlongNames() {
        assertThatThrownBy(() -> invitations.create("tenant-1", "29:agent", " ", Optional.empty(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invitations.create("tenant-1", "29:agent", "x".repeat(201), Optional.empty(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    /** Empties the table between tests on a database shared by the class. */
    static void deleteAll(Database database) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM invitations");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
