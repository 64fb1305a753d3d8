package dev.bcsetup.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.Engineers;
import dev.bcsetup.handoff.HandOffPolicy;
import dev.bcsetup.handoff.HandOffRepository;
import dev.bcsetup.handoff.HandOffs;
import dev.bcsetup.handoff.KeyRing;
import dev.bcsetup.handoff.Outbox;
import dev.bcsetup.handoff.RevealResult;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.JdbcSessionRepository;
import dev.bcsetup.store.SessionStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the secure form to a stored hand-off and the merchant's receipt, on H2 and the fake BigCommerce. */
class HandOffJourneyTest {

    private static final Actor MERCHANT = new Actor("U1");
    private static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T1", "U1");
    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final Engineer ENGINEER = new Engineer(Platform.SLACK, "T1", "U-eng", Set.of());

    @TempDir
    Path dataDirectory;

    private final FakeBigCommerce bigCommerce = FakeBigCommerce.start()
            .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live");
    private final ExecutorService followUps = Executors.newFixedThreadPool(4);
    private Database database;
    private HandOffs handOffs;
    private Conversations conversations;

    @BeforeEach
    void start() {
        Map<Scope, Access> all = FakeBigCommerce.everyScope(Access.MODIFY);
        bigCommerce.token(TOKEN, "abc123", all);
        database = Database.open(Optional.empty(), dataDirectory);
        handOffs = new HandOffs(new HandOffRepository(database), KeyRing.loadOrCreate(dataDirectory.resolve("credentials.key"),
                new SecureRandom(), Clock.systemUTC()), new Engineers(Set.of("U-eng")), List.of("webhook"),
                HandOffPolicy.DEFAULT, Clock.systemUTC(), new SecureRandom());
        BigCommerceValidator validator = new BigCommerceValidator(bigCommerce.origin(),
                BigCommerceValidator.httpClient(Duration.ofSeconds(2)), Clock.systemUTC(), Duration.ofSeconds(5));
        conversations = new Conversations(new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7)),
                new SessionStore(new JdbcSessionRepository(database), 1000, Duration.ofMinutes(5)), validator, List.of(),
                followUps, Optional.of(handOffs));
        conversations.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));
    }

    @AfterEach
    void stop() {
        followUps.shutdownNow();
        database.close();
        bigCommerce.close();
    }

    private Event submit() {
        return new Event.SubmitCredentials(MERCHANT,
                CredentialForm.ofFields("https://api.bigcommerce.com/stores/abc123/v3/", CLIENT_ID, TOKEN));
    }

    @Test
    void credentialsThatPassAreHandedOffAndTheReportCarriesTheReceipt() {
        List<Reply> replies = conversations.followUp(conversations.handle(KEY, submit())).join();

        ReportView report = ((Reply.ReportShown) replies.get(0)).report();
        assertThat(report.valid()).isTrue();
        ReportView.Receipt receipt = report.receipt().orElseThrow();
        assertThat(receipt.reference()).matches("BC-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(receipt.title()).contains(receipt.reference());
        assertThat(receipt.next()).contains("migration engineer");
        assertThat(receipt.revoke()).contains("Settings > Store-level API accounts");
        assertThat(count("SELECT COUNT(*) FROM hand_offs WHERE reference = '" + receipt.reference() + "'")).isEqualTo(1);
        assertThat(new Outbox(database).pending()).isEqualTo(1);
    }

    @Test
    void comingBackAfterThePassedCheckShowsTheReferenceAgain() {
        List<Reply> replies = conversations.followUp(conversations.handle(KEY, submit())).join();
        String reference = ((Reply.ReportShown) replies.get(0)).report().receipt().orElseThrow().reference();

        for (Event back : List.of(new Event.Start(MERCHANT, "en", Optional.empty()), new Event.Resume(MERCHANT))) {
            Outcome outcome = conversations.handle(KEY, back);
            assertThat(outcome.replies()).singleElement().isInstanceOfSatisfying(Reply.Notice.class, notice -> {
                assertThat(notice.text()).contains("already passed every check").contains("**" + reference + "**");
                assertThat(notice.actions()).hasSize(1);
            });
        }
        // Clicks queued together (Slack) are answered the same way.
        assertThat(conversations.handleInOrder(KEY, List.of(new Event.Resume(MERCHANT), new Event.Resume(MERCHANT))))
                .allSatisfy(outcome -> assertThat(((Reply.Notice) outcome.replies().get(0)).text()).contains(reference));
    }

    @Test
    void aDoubleClickOnTheFormMakesOneHandOff() throws Exception {
        int clicks = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Reply>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clicks; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return conversations.followUp(conversations.handle(KEY, submit())).get(30, TimeUnit.SECONDS);
                }));
            }
            go.countDown();
            List<Reply> all = new ArrayList<>();
            for (Future<List<Reply>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).filteredOn(r -> r instanceof Reply.ReportShown).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM hand_offs")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        assertThat(conversations.find(KEY).orElseThrow().status()).isEqualTo(Status.VALIDATED);
    }

    @Test
    void forgetWithdrawsWhatTheMerchantSentStopsTheSetupAndSaysWhatWasRemoved() {
        List<Reply> sent = conversations.followUp(conversations.handle(KEY, submit())).join();
        String reference = ((Reply.ReportShown) sent.get(0)).report().receipt().orElseThrow().reference();
        String id = handOffId(reference);

        Outcome forget = conversations.handle(KEY, new Event.Forget(MERCHANT));
        List<Reply> replies = conversations.followUp(forget).join();

        assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Notice.class,
                notice -> assertThat(notice.text()).contains(reference).contains("Store-level API accounts"));
        assertThat(conversations.find(KEY).orElseThrow().status()).isEqualTo(Status.CANCELLED);
        assertThat(handOffs.reveal(id, ENGINEER)).isInstanceOf(RevealResult.Gone.class);
        assertThat(new Outbox(database).pending()).isZero();

        List<Reply> again = conversations.followUp(conversations.handle(KEY, new Event.Forget(MERCHANT))).join();
        assertThat(again).singleElement().isInstanceOfSatisfying(Reply.Notice.class,
                notice -> assertThat(notice.text()).contains("nothing else was removed"));
    }

    @Test
    void onlyTheMerchantMayForget() {
        SessionKey agentRun = SessionKey.onBehalf(Platform.TEAMS, "tenant", "agent", "customer");

        Outcome outcome = conversations.handle(agentRun, new Event.Forget(new Actor("agent")));

        assertThat(outcome.effects()).isEmpty();
        assertThat(outcome.replies()).singleElement().isInstanceOfSatisfying(Reply.Notice.class,
                notice -> assertThat(notice.text()).contains("Only the store's own person"));
    }

    private String handOffId(String reference) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id FROM hand_offs WHERE reference = '" + reference + "'")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
