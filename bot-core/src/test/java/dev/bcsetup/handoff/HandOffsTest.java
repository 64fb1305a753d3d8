package dev.bcsetup.handoff;

import static dev.bcsetup.handoff.Fixtures.CLIENT_ID;
import static dev.bcsetup.handoff.Fixtures.ENGINEER;
import static dev.bcsetup.handoff.Fixtures.GROUP_MEMBER;
import static dev.bcsetup.handoff.Fixtures.MERCHANT;
import static dev.bcsetup.handoff.Fixtures.STRANGER;
import static dev.bcsetup.handoff.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.MutableClock;
import dev.bcsetup.handoff.AuditEntry.Action;
import dev.bcsetup.store.Database;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Reveal, receipt, withdrawal, purge and re-encryption, on a real H2 file. */
class HandOffsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final HandOffPolicy POLICY = new HandOffPolicy(Duration.ofHours(24), Duration.ofDays(30));

    @TempDir
    Path dataDirectory;

    private final MutableClock clock = new MutableClock(T0);
    private final String oldKey = Fixtures.keyText("old");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Database database;
    private HandOffRepository repository;
    private HandOffs handOffs;

    @BeforeEach
    void open() {
        database = Database.open(Optional.empty(), dataDirectory);
        repository = new HandOffRepository(database);
        handOffs = service(oldKey);
        log.start();
        ((Logger) LoggerFactory.getLogger(HandOffs.class)).addAppender(log);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(HandOffs.class)).detachAppender(log);
        database.close();
    }

    private HandOffs service(String keys) {
        return new HandOffs(repository, KeyRing.parse(keys), Fixtures.ENGINEERS, List.of("webhook"), POLICY, clock,
                new SecureRandom());
    }

    @Test
    void revealsTheCredentialsToAnEngineerListedByUserIdAndAudits() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        RevealResult result = handOffs.reveal(handOff.id(), ENGINEER);

        assertThat(result).isInstanceOfSatisfying(RevealResult.Revealed.class, revealed -> {
            assertThat(revealed.reference()).isEqualTo(handOff.reference());
            assertThat(revealed.credentials().accessToken().value()).isEqualTo(TOKEN);
            assertThat(revealed.credentials().clientId().value()).isEqualTo(CLIENT_ID);
            assertThat(revealed.credentials().apiPath()).isEqualTo("https://api.bigcommerce.com/stores/abc123/v3/");
        });
        assertThat(handOffs.auditOf(handOff.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Action.REVEAL);
            assertThat(entry.actor()).isEqualTo("U-engineer");
            assertThat(entry.outcome()).isEqualTo("REVEALED");
            assertThat(entry.at()).isEqualTo(T0);
        });
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void revealsToAMemberOfAListedGroup() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        assertThat(handOffs.reveal(handOff.id(), GROUP_MEMBER)).isInstanceOf(RevealResult.Revealed.class);
    }

    @Test
    void refusesSomeoneNotInEngineersAndAuditsTheRefusal() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        assertThat(handOffs.reveal(handOff.id(), STRANGER)).isEqualTo(new RevealResult.Refused(handOff.reference()));
        assertThat(handOffs.auditOf(handOff.id())).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("aad-stranger");
            assertThat(entry.outcome()).isEqualTo("REFUSED");
        });
    }

    @Test
    void onlyEngineersMayChooseTheEngineersChannelAndBothAnswersAreAudited() {
        assertThat(handOffs.mayRegisterChannel(STRANGER, "19:sales@thread.tacv2")).isFalse();
        assertThat(handOffs.mayRegisterChannel(GROUP_MEMBER, "19:migrations@thread.tacv2")).isTrue();

        assertThat(handOffs.auditOf("19:sales@thread.tacv2")).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Action.REGISTER_CHANNEL);
            assertThat(entry.actor()).isEqualTo("aad-stranger");
            assertThat(entry.outcome()).isEqualTo("REFUSED");
        });
        assertThat(handOffs.auditOf("19:migrations@thread.tacv2")).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo("ALLOWED"));
    }

    @Test
    void answersUnknownForAnIdNoHandOffHasAndAuditsTheAsking() {
        assertThat(handOffs.reveal("no-such-id", ENGINEER)).isInstanceOf(RevealResult.Unknown.class);
        assertThat(handOffs.auditOf("no-such-id")).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo("UNKNOWN"));
    }

    @Test
    void purgesTheSecretOnlyAfterTheGracePeriodFollowingReceipt() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        clock.advance(Duration.ofHours(2));

        MarkResult marked = handOffs.markReceived(handOff.id(), GROUP_MEMBER);

        assertThat(marked).isEqualTo(new MarkResult.Marked(handOff.reference(), T0.plus(Duration.ofHours(26))));
        assertThat(handOffs.markReceived(handOff.id(), ENGINEER)).isInstanceOf(MarkResult.AlreadyReceived.class);
        clock.advance(Duration.ofHours(23));
        assertThat(handOffs.purgeDue()).isZero();
        assertThat(handOffs.reveal(handOff.id(), ENGINEER)).isInstanceOf(RevealResult.Revealed.class);

        clock.advance(Duration.ofHours(2));
        assertThat(handOffs.purgeDue()).isEqualTo(1);

        assertThat(handOffs.reveal(handOff.id(), ENGINEER)).isInstanceOfSatisfying(RevealResult.Gone.class,
                gone -> assertThat(gone.why()).contains("confirmed receipt"));
        assertThat(handOffs.find(handOff.id()).orElseThrow().storeName()).as("metadata kept").isEqualTo("Plant Parlour");
        assertThat(handOffs.auditOf(handOff.id())).extracting(AuditEntry::action).containsExactly(Action.SUBMIT,
                Action.MARK_RECEIVED, Action.MARK_RECEIVED, Action.REVEAL, Action.PURGE, Action.REVEAL);
    }

    @Test
    void refusesAReceiptFromSomeoneNotInEngineers() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        assertThat(handOffs.markReceived(handOff.id(), STRANGER)).isEqualTo(new MarkResult.Refused(handOff.reference()));
        assertThat(handOffs.find(handOff.id()).orElseThrow().received()).isEmpty();
    }

    @Test
    void purgesEverySecretAtTheEndOfTheRetentionPeriodReceivedOrNot() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(handOffs.purgeDue()).isZero();

        clock.advance(Duration.ofMinutes(2));

        assertThat(handOffs.purgeDue()).isEqualTo(1);
        assertThat(handOffs.reveal(handOff.id(), ENGINEER)).isInstanceOfSatisfying(RevealResult.Gone.class,
                gone -> assertThat(gone.why()).contains("retention"));
    }

    @Test
    void aWithdrawnHandOffIsGoneForEngineersAndCannotBeMarkedReceived() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        assertThat(handOffs.withdraw(MERCHANT, new Actor(MERCHANT.user()))).hasSize(1);

        assertThat(handOffs.reveal(handOff.id(), ENGINEER)).isInstanceOfSatisfying(RevealResult.Gone.class,
                gone -> assertThat(gone.why()).contains("withdrawn"));
        assertThat(handOffs.markReceived(handOff.id(), ENGINEER)).isInstanceOf(MarkResult.Gone.class);
    }

    @Test
    void aReceivedHandOffCannotBeWithdrawn() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        handOffs.markReceived(handOff.id(), ENGINEER);

        assertThat(handOffs.withdraw(MERCHANT, new Actor(MERCHANT.user()))).isEmpty();
        assertThat(handOffs.reveal(handOff.id(), ENGINEER)).isInstanceOf(RevealResult.Revealed.class);
    }

    @Test
    void resealsSecretsSealedWithAnOlderKeyWithTheNewPrimary() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));
        assertThat(repository.sealedSecret(handOff.id()).orElseThrow().keyId()).isEqualTo("old");
        String newKey = Fixtures.keyText("new");
        HandOffs rotated = service(newKey + "," + oldKey);

        assertThat(rotated.resealWithPrimaryKey()).isEqualTo(1);
        assertThat(rotated.resealWithPrimaryKey()).isZero();

        assertThat(repository.sealedSecret(handOff.id()).orElseThrow().keyId()).isEqualTo("new");
        assertThat(repository.sealedSecret(handOff.id()).orElseThrow().text()).startsWith("new:");
        HandOffs withoutTheOldKey = service(newKey);
        assertThat(withoutTheOldKey.reveal(handOff.id(), ENGINEER)).isInstanceOf(RevealResult.Revealed.class);
    }

    @Test
    void noticesCarryMaskedValuesOnly() {
        HandOff handOff = handOffs.submit(Fixtures.submission(MERCHANT, 1));

        HandOffNotice notice = handOffs.notice(handOff.id()).orElseThrow();

        assertThat(notice.toString()).doesNotContain(TOKEN).doesNotContain(CLIENT_ID);
        assertThat(notice.maskedAccessToken()).isEqualTo("****(31 chars)");
        assertThat(notice.maskedClientId()).isEqualTo("cli3…");
        assertThat(notice.submitter().merchant()).isEqualTo("U-merchant");
    }
}
