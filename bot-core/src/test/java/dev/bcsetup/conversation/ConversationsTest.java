package dev.bcsetup.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.CheckLimits;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.notify.EngineerNotifier;
import dev.bcsetup.store.InMemorySessionRepository;
import dev.bcsetup.store.SessionRepository;
import dev.bcsetup.store.StorageException;
import dev.bcsetup.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationsTest {

    private static final Actor MERCHANT = new Actor("U1");
    private static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T1", "U1");

    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";

    private final FakeBigCommerce bigCommerce = FakeBigCommerce.start()
            .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live");
    private final BigCommerceValidator validator = new BigCommerceValidator(bigCommerce.origin(),
            BigCommerceValidator.httpClient(Duration.ofSeconds(2)), Clock.systemUTC(), Duration.ofSeconds(5));
    private final Conversations conversations = new Conversations(
            new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7)),
            new SessionStore(new InMemorySessionRepository(), 1000, Duration.ofMinutes(5)),
            validator, List.of(), Runnable::run);

    @AfterEach
    void stopFake() {
        bigCommerce.close();
    }

    private void submit(String token) {
        Outcome checking = conversations.handle(KEY, new Event.SubmitCredentials(MERCHANT,
                CredentialForm.ofFields("https://api.bigcommerce.com/stores/abc123/v3/", CLIENT_ID, token)));
        assertThat(checking.replies()).singleElement().isInstanceOf(Reply.Checking.class);
        lastFollowUp = conversations.followUp(checking).join();
    }

    private List<Reply> lastFollowUp;

    @Test
    void aSaveTheDatabaseRefusesIsAnsweredNotSavedAndSpendsNoLiveCheck() {
        bigCommerce.token(TOKEN, "abc123", FakeBigCommerce.everyScope(Access.MODIFY));
        SwitchableRepository repository = new SwitchableRepository();
        Conversations oneCheck = new Conversations(new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7)),
                new SessionStore(repository, 1000, Duration.ofMinutes(5)), validator, List.of(), Runnable::run,
                Optional.empty(), new CheckLimits(Clock.systemUTC(), 1, 20, Duration.ofHours(1)));
        oneCheck.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));
        Event.SubmitCredentials send = new Event.SubmitCredentials(MERCHANT,
                CredentialForm.ofFields("https://api.bigcommerce.com/stores/abc123/v3/", CLIENT_ID, TOKEN));

        repository.down = true;
        Outcome refused = oneCheck.handle(KEY, send);
        assertThat(refused.replies()).singleElement().isInstanceOfSatisfying(Reply.Notice.class,
                notice -> assertThat(notice.text()).contains("database is not answering").contains("in a minute"));
        assertThat(refused.effects()).as("nothing to check for a form that was not saved").isEmpty();

        repository.down = false;
        Outcome checking = oneCheck.handle(KEY, send);
        assertThat(checking.replies()).as("the only check allowed was not spent").singleElement().isInstanceOf(Reply.Checking.class);
    }

    /** Sessions in memory whose database can be taken away. */
    private static final class SwitchableRepository implements SessionRepository {
        private final InMemorySessionRepository sessions = new InMemorySessionRepository();
        private volatile boolean down;

        @Override
        public Optional<Session> find(SessionKey key) {
            return sessions.find(key);
        }

        @Override
        public boolean save(Session session, long expectedVersion) {
            if (down) {
                throw new StorageException("session storage could not save a session in the test database: down");
            }
            return sessions.save(session, expectedVersion);
        }

        @Override
        public int deleteIdleSince(Instant cutoff) {
            return sessions.deleteIdleSince(cutoff);
        }
    }

    @Test
    void followUpProvesSubmittedCredentialsAndReportsAValidStore() {
        Map<Scope, Access> all = FakeBigCommerce.everyScope(Access.MODIFY);
        bigCommerce.token(TOKEN, "abc123", all);
        conversations.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));

        submit(TOKEN);

        assertThat(lastFollowUp).singleElement().isInstanceOfSatisfying(Reply.ReportShown.class, shown -> {
            assertThat(shown.report().valid()).isTrue();
            assertThat(shown.report().headline()).contains("Plant Parlour");
            assertThat(shown.report().store()).get().asString().contains("plantparlour.example");
        });
        assertThat(conversations.find(KEY).orElseThrow().status()).isEqualTo(Status.VALIDATED);
    }

    @Test
    void aReadOnlyTokenForAMigrationIntoBigCommerceIsReportedWithAFixAndATryAgainButton() {
        Map<Scope, Access> readOnly = FakeBigCommerce.everyScope(Access.READ_ONLY);
        bigCommerce.token(TOKEN, "abc123", readOnly);
        conversations.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));

        submit(TOKEN);

        ReportView report = ((Reply.ReportShown) lastFollowUp.get(0)).report();
        assertThat(report.valid()).isFalse();
        assertThat(report.fixes()).anyMatch(f -> f.contains("Create API token"));
        assertThat(report.scopes()).anyMatch(line -> !line.ok() && line.status().contains("Read-only"));
        assertThat(report.actions()).extracting(a -> a.ref().kind()).contains(ActionKind.OPEN_FORM);
        assertThat(conversations.find(KEY).orElseThrow().status()).isEqualTo(Status.READY);
    }

    @Test
    void keepsTheSessionBetweenEvents() {
        conversations.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));
        conversations.handle(KEY, new Event.Next(MERCHANT, 0));

        assertThat(conversations.find(KEY)).get().extracting(Session::step).isEqualTo(1);
    }

    @Test
    void followUpPassesAHelpRequestToEveryNotifierEvenWhenOneFails() throws Exception {
        List<Effect.Escalate> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        EngineerNotifier broken = request -> {
            throw new IllegalStateException("channel_not_found");
        };
        Conversations withNotifiers = new Conversations(
                new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7)),
                new SessionStore(new InMemorySessionRepository(), 1000, Duration.ofMinutes(5)),
                validator, List.of(broken, received::add), Runnable::run);
        withNotifiers.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));

        Outcome stuck = withNotifiers.handle(KEY, new Event.Stuck(MERCHANT));
        List<Reply> followUp = withNotifiers.followUp(stuck).get();

        assertThat(followUp).isEmpty();
        assertThat(received).containsExactly(new Effect.Escalate(KEY, 1, "What are we migrating?"));
    }

    @Test
    void manyConcurrentClicksOnOneNextButtonMoveOneStep() throws Exception {
        conversations.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));
        int clicks = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clicks; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return conversations.handle(KEY, new Event.Next(MERCHANT, 0));
                }));
            }
            go.countDown();
            for (Future<Outcome> result : results) {
                assertThat(result.get().replies()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }

        Session session = conversations.find(KEY).orElseThrow();
        assertThat(session.step()).isEqualTo(1);
        assertThat(session.version()).isEqualTo(2);
    }
}
