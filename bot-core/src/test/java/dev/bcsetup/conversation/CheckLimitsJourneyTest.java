package dev.bcsetup.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.store.InMemorySessionRepository;
import dev.bcsetup.store.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bot is no oracle for guessing tokens: a setup gets 5 live checks an hour and a store 20, whoever sends
 * them. Over the limit the merchant learns when to try again, the setup does not move, and BigCommerce hears nothing.
 */
class CheckLimitsJourneyTest {

    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final FakeBigCommerce bigCommerce = FakeBigCommerce.start()
            .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live");
    private final Conversations conversations = new Conversations(
            new Conversation(FlowLibrary.standard(), clock, Duration.ofDays(7)),
            new SessionStore(new InMemorySessionRepository(), 1000, Duration.ofMinutes(5)),
            new BigCommerceValidator(bigCommerce.origin(), BigCommerceValidator.httpClient(Duration.ofSeconds(2)),
                    clock, Duration.ofSeconds(5)),
            List.of(), Runnable::run, Optional.empty());

    @AfterEach
    void stop() {
        bigCommerce.close();
    }

    private static SessionKey merchant(int n) {
        return SessionKey.own(Platform.SLACK, "T1", "U" + n);
    }

    private List<Reply> guess(SessionKey key, String store, int n) {
        Actor actor = new Actor(key.user());
        Outcome outcome = conversations.handle(key, new Event.SubmitCredentials(actor, CredentialForm.ofFields(
                "https://api.bigcommerce.com/stores/" + store + "/v3/", CLIENT_ID, "wrongguess" + String.format("%021d", n))));
        conversations.followUp(outcome).join();
        return outcome.replies();
    }

    private void begin(SessionKey key) {
        conversations.handle(key, new Event.Start(new Actor(key.user()), "en", Optional.of(Direction.TO_BIGCOMMERCE)));
    }

    @Test
    void aSixthCheckWithinTheHourIsRefusedWithTheTimeToTryAgainAndReachesNoBigCommerce() {
        SessionKey key = merchant(1);
        begin(key);
        for (int i = 0; i < 5; i++) {
            assertThat(guess(key, "abc123", i)).as("check %d", i + 1).singleElement().isInstanceOf(Reply.Checking.class);
            clock.advance(Duration.ofMinutes(1));
        }
        int requestsBefore = bigCommerce.requests().size();
        Session before = conversations.find(key).orElseThrow();

        List<Reply> refused = guess(key, "abc123", 99);

        assertThat(refused).singleElement().isInstanceOfSatisfying(Reply.Notice.class, notice ->
                // The first check was at 10:00, so the sixth may run at 11:00: 55 minutes after 10:05.
                assertThat(notice.text()).contains("too many times").contains("55 minutes").contains("11:00 UTC"));
        assertThat(bigCommerce.requests()).hasSize(requestsBefore);
        assertThat(conversations.find(key).orElseThrow()).isEqualTo(before);

        clock.advance(Duration.ofMinutes(55));
        assertThat(guess(key, "abc123", 100)).singleElement().isInstanceOf(Reply.Checking.class);
        assertThat(bigCommerce.requests()).hasSizeGreaterThan(requestsBefore);
    }

    @Test
    void aStoreGetsTwentyChecksAnHourAcrossEverySetup() {
        for (int i = 0; i < 20; i++) {
            SessionKey key = merchant(100 + i);
            begin(key);
            assertThat(guess(key, "abc123", i)).singleElement().isInstanceOf(Reply.Checking.class);
        }
        int requestsBefore = bigCommerce.requests().size();
        SessionKey fresh = merchant(999);
        begin(fresh);

        assertThat(guess(fresh, "abc123", 20)).singleElement().isInstanceOfSatisfying(Reply.Notice.class,
                notice -> assertThat(notice.text()).contains("60 minutes"));
        assertThat(bigCommerce.requests()).hasSize(requestsBefore);
        // Another store is not held back by this one.
        assertThat(guess(fresh, "def456", 21)).singleElement().isInstanceOf(Reply.Checking.class);
    }

    @Test
    void formProblemsFoundBeforeTheLiveCheckDoNotCount() {
        SessionKey key = merchant(7);
        begin(key);
        Actor actor = new Actor(key.user());
        for (int i = 0; i < 50; i++) {
            Outcome rejected = conversations.handle(key, new Event.SubmitCredentials(actor,
                    CredentialForm.ofFields("https://evil.example/stores/abc123/v3/", CLIENT_ID, "short")));
            assertThat(rejected.replies()).singleElement().isInstanceOf(Reply.FormRejected.class);
        }
        assertThat(guess(key, "abc123", 1)).singleElement().isInstanceOf(Reply.Checking.class);
    }
}
