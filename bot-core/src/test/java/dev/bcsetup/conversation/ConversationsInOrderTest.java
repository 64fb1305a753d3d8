package dev.bcsetup.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.store.InMemorySessionRepository;
import dev.bcsetup.store.SessionRepository;
import dev.bcsetup.store.SessionStore;
import dev.bcsetup.store.StorageException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Events one person sent in a row, handled together: the same outcomes as one by one, with one write. */
class ConversationsInOrderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Conversation CONVERSATION = new Conversation(FlowLibrary.standard(), CLOCK, Duration.ofDays(7));

    /** A merchant's clicks: start, choose, tick and move on, ask for help, Next twice on one step, then back. */
    private static List<Event> burst(SessionKey key) {
        Actor merchant = new Actor(key.user());
        return List.of(
                new Event.Start(merchant, "en", Optional.empty()),
                new Event.ChooseDirection(merchant, 0, Direction.TO_BIGCOMMERCE),
                new Event.Next(merchant, 0, Optional.of(Set.of(DataSet.PRODUCTS))),
                new Event.Help(merchant),
                new Event.Next(merchant, 1),
                new Event.Next(merchant, 1),
                new Event.Back(merchant, 2));
    }

    /** The in-memory repository, counting the writes that reach it; {@code before} runs ahead of the first. */
    private static final class CountingRepository implements SessionRepository {
        private final InMemorySessionRepository sessions = new InMemorySessionRepository();
        private final AtomicInteger saves = new AtomicInteger();
        private Runnable before = () -> { };

        @Override
        public Optional<Session> find(SessionKey key) {
            return sessions.find(key);
        }

        @Override
        public boolean save(Session session, long expectedVersion) {
            Runnable first = before;
            before = () -> { };
            first.run();
            saves.incrementAndGet();
            return sessions.save(session, expectedVersion);
        }

        @Override
        public int deleteIdleSince(Instant cutoff) {
            return sessions.deleteIdleSince(cutoff);
        }
    }

    private final CountingRepository repository = new CountingRepository();
    private final Conversations conversations = new Conversations(CONVERSATION,
            new SessionStore(repository, 1000, Duration.ofMinutes(5)),
            new BigCommerceValidator(URI.create("http://127.0.0.1:9"), BigCommerceValidator.httpClient(Duration.ofSeconds(1)),
                    CLOCK, Duration.ofSeconds(1)),
            List.of(), Runnable::run);

    @Test
    void aBurstEndsWhereOneByOneWouldAndIsStoredOnce() {
        SessionKey oneByOne = SessionKey.own(Platform.SLACK, "T1", "U1");
        SessionKey together = SessionKey.own(Platform.SLACK, "T1", "U2");
        List<Outcome> expected = burst(oneByOne).stream().map(e -> conversations.handle(oneByOne, e)).toList();
        int writesOneByOne = repository.saves.getAndSet(0);

        List<Outcome> outcomes = conversations.handleInOrder(together, burst(together));

        assertThat(repository.saves).hasValue(1);
        assertThat(writesOneByOne).isGreaterThan(1);
        assertThat(outcomes).extracting(Outcome::replies).containsExactlyElementsOf(
                expected.stream().map(Outcome::replies).toList());
        Session stored = conversations.find(together).orElseThrow();
        Session reference = conversations.find(oneByOne).orElseThrow();
        assertThat(stored.step()).isEqualTo(reference.step()).isEqualTo(1);
        assertThat(stored.version()).isEqualTo(reference.version());
        assertThat(stored.dataSets()).isEqualTo(reference.dataSets());
        assertThat(stored.direction()).isEqualTo(Direction.TO_BIGCOMMERCE);
    }

    @Test
    void aBurstThatLosesTheRaceIsDecidedAgainFromWhatTheWinnerStored() {
        SessionKey key = SessionKey.own(Platform.SLACK, "T1", "U3");
        conversations.handleInOrder(key, burst(key).subList(0, 3));
        Session onStepTwo = conversations.find(key).orElseThrow();
        // Another instance moves the merchant on while this one decides: its write wins, this one's is refused.
        repository.before = () -> repository.sessions.save(onStepTwo.atStep(3, onStepTwo.status(), CLOCK.instant()),
                onStepTwo.version());

        Actor merchant = new Actor(key.user());
        List<Outcome> outcomes = conversations.handleInOrder(key, List.of(new Event.Next(merchant, 1), new Event.Help(merchant)));

        assertThat(conversations.find(key).orElseThrow().step()).as("the winner's step, the stale Next ignored").isEqualTo(3);
        assertThat(outcomes.get(0).replies()).anyMatch(r -> r instanceof Reply.StepShown shown && shown.view().notice().isPresent());
    }

    @Test
    void aBurstWithACredentialSubmissionIsHandledOneEventAtATime() {
        SessionKey key = SessionKey.own(Platform.SLACK, "T1", "U4");
        CredentialForm form = CredentialForm.ofFields("https://api.bigcommerce.com/stores/abc123/v3/",
                "zyxwvutsrq9876543210ponmlkjihgf", "abcdefghij0123456789klmnopqrstu");

        Actor merchant = new Actor(key.user());
        List<Outcome> outcomes = conversations.handleInOrder(key, List.of(
                new Event.Start(merchant, "en", Optional.of(Direction.TO_BIGCOMMERCE)), new Event.SubmitCredentials(merchant, form)));

        assertThat(outcomes.get(1).effects()).singleElement().isInstanceOf(Effect.Validate.class);
        assertThat(repository.saves).as("the start, then the submission, each stored before the check").hasValue(2);
        assertThat(conversations.find(key).orElseThrow().status()).isEqualTo(Status.CHECKING);
    }

    @Test
    void aBurstTheDatabaseDoesNotTakeGetsOneNotSavedNotice() {
        SessionKey key = SessionKey.own(Platform.SLACK, "T1", "U-storage");
        repository.before = () -> {
            throw new StorageException("the database does not answer");
        };

        List<Outcome> outcomes = conversations.handleInOrder(key, burst(key).subList(0, 3));

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.subList(0, 2)).allSatisfy(outcome -> assertThat(outcome.replies()).isEmpty());
        assertThat(outcomes.get(2).replies()).singleElement().isInstanceOfSatisfying(Reply.Notice.class,
                notice -> assertThat(notice.text()).startsWith("We could not save that just now"));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.session()).isEmpty());
        assertThat(repository.find(key)).isEmpty();
    }
}
