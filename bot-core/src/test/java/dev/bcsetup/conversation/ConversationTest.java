package dev.bcsetup.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.credentials.Field;
import dev.bcsetup.credentials.StoreInfo;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.flow.ScopePlan;
import dev.bcsetup.flow.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final FlowLibrary FLOWS = FlowLibrary.standard();
    private static final Actor MERCHANT = new Actor("U-merchant");
    private static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T1", MERCHANT.id());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Conversation conversation = new Conversation(FLOWS, clock, Duration.ofDays(7));
    private Optional<Session> session = Optional.empty();

    private Outcome send(Event event) {
        return send(KEY, event);
    }

    private Outcome send(SessionKey key, Event event) {
        Outcome outcome = conversation.handle(key, session, event);
        session = outcome.session();
        return outcome;
    }

    private static StepView step(Outcome outcome) {
        assertThat(outcome.replies()).hasSize(1);
        assertThat(outcome.replies().get(0)).isInstanceOf(Reply.StepShown.class);
        return ((Reply.StepShown) outcome.replies().get(0)).view();
    }

    private static String notice(Outcome outcome) {
        Reply reply = outcome.replies().get(0);
        if (reply instanceof Reply.Notice n) {
            return n.text();
        }
        return ((Reply.StepShown) reply).view().notice().orElse("");
    }

    private void startAndChoose(Direction direction) {
        send(new Event.Start(MERCHANT, "en", Optional.empty()));
        send(new Event.ChooseDirection(MERCHANT, 0, direction));
    }

    private void walkTo(int index) {
        for (int i = session.get().step(); i < index; i++) {
            send(new Event.Next(MERCHANT, i));
        }
        assertThat(session.get().step()).isEqualTo(index);
    }

    @Test
    void startShowsTheFirstStepWithAWelcomeAndProgress() {
        StepView view = step(send(new Event.Start(MERCHANT, "en", Optional.empty())));

        assertThat(view.kind()).isEqualTo(StepKind.MIGRATION);
        assertThat(view.progress()).isEqualTo("Step 1 of 7");
        assertThat(view.notice()).get().asString().contains("BigCommerce API account");
        assertThat(view.migration()).get().satisfies(m -> {
            assertThat(m.directions()).noneMatch(StepView.Option::selected);
            assertThat(m.dataSets()).noneMatch(StepView.Option::selected);
        });
        assertThat(view.actions()).extracting(a -> a.ref().kind())
                .containsExactly(ActionKind.NEXT, ActionKind.HELP, ActionKind.STUCK);
        assertThat(session.get().version()).isEqualTo(1);
    }

    @Test
    void startWithADirectionSkipsTheDirectionQuestionAndTicksEveryDataSet() {
        StepView view = step(send(new Event.Start(MERCHANT, "en", Optional.of(Direction.FROM_BIGCOMMERCE))));

        assertThat(session.get().direction()).isEqualTo(Direction.FROM_BIGCOMMERCE);
        assertThat(session.get().dataSets()).containsExactlyInAnyOrder(DataSet.values());
        assertThat(view.migration().get().directions())
                .filteredOn(StepView.Option::selected).extracting(StepView.Option::value)
                .containsExactly(Direction.FROM_BIGCOMMERCE);
    }

    @Test
    void nextWithoutADirectionAsksForOne() {
        send(new Event.Start(MERCHANT, "en", Optional.empty()));

        Outcome outcome = send(new Event.Next(MERCHANT, 0));

        assertThat(step(outcome).index()).isZero();
        assertThat(notice(outcome)).contains("Choose which way");
    }

    @Test
    void nextWithNoDataTickedAsksForSome() {
        startAndChoose(Direction.TO_BIGCOMMERCE);

        Outcome outcome = send(new Event.Next(MERCHANT, 0, Optional.of(Set.of())));

        assertThat(step(outcome).index()).isZero();
        assertThat(notice(outcome)).contains("at least one kind of data");
    }

    @Test
    void nextOnTheFirstStepKeepsTheTickedDataSets() {
        startAndChoose(Direction.TO_BIGCOMMERCE);

        StepView view = step(send(new Event.Next(MERCHANT, 0, Optional.of(EnumSet.of(DataSet.PRODUCTS)))));

        assertThat(view.number()).isEqualTo(2);
        assertThat(session.get().dataSets()).containsExactly(DataSet.PRODUCTS);
    }

    @Test
    void walksEveryStepInOrderToAReadyLastStep() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        for (int i = 0; i < 6; i++) {
            StepView view = step(send(new Event.Next(MERCHANT, i)));
            assertThat(view.number()).isEqualTo(i + 2);
            assertThat(view.progress()).isEqualTo("Step " + (i + 2) + " of 7");
        }

        assertThat(session.get().status()).isEqualTo(Status.READY);
        StepView last = step(send(new Event.Resume(MERCHANT)));
        assertThat(last.kind()).isEqualTo(StepKind.HAND_OVER);
        assertThat(last.actions()).extracting(a -> a.ref().kind()).doesNotContain(ActionKind.NEXT).contains(ActionKind.OPEN_FORM);
    }

    @Test
    void nextOnTheLastStepSaysSoAndStays() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(6);

        Outcome outcome = send(new Event.Next(MERCHANT, 6));

        assertThat(step(outcome).index()).isEqualTo(6);
        assertThat(notice(outcome)).contains("last step");
    }

    @Test
    void backOnTheFirstStepSaysThereIsNothingBehind() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        long version = session.get().version();

        Outcome outcome = send(new Event.Back(MERCHANT, 0));

        assertThat(step(outcome).index()).isZero();
        assertThat(notice(outcome)).contains("first step");
        assertThat(session.get().version()).isEqualTo(version);
    }

    @Test
    void backMovesOneStepAndLeavesTheReadyState() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(6);

        StepView view = step(send(new Event.Back(MERCHANT, 6)));

        assertThat(view.index()).isEqualTo(5);
        assertThat(session.get().status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aDoubleClickOnNextMovesOnlyOnce() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(2);

        send(new Event.Next(MERCHANT, 2));
        Outcome second = send(new Event.Next(MERCHANT, 2));

        assertThat(session.get().step()).isEqualTo(3);
        assertThat(step(second).index()).isEqualTo(3);
        assertThat(notice(second)).contains("earlier step");
    }

    @Test
    void aStaleBackOrDirectionButtonShowsTheCurrentStepInstead() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(4);

        assertThat(step(send(new Event.Back(MERCHANT, 2))).index()).isEqualTo(4);
        assertThat(step(send(new Event.ChooseDirection(MERCHANT, 0, Direction.FROM_BIGCOMMERCE))).index()).isEqualTo(4);
        assertThat(session.get().direction()).isEqualTo(Direction.TO_BIGCOMMERCE);
    }

    @Test
    void goToJumpsToAStepByItsShownNumber() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(1);

        StepView view = step(send(new Event.GoTo(MERCHANT, 5)));

        assertThat(view.number()).isEqualTo(5);
        assertThat(view.kind()).isEqualTo(StepKind.SCOPES);
    }

    @Test
    void goToANumberOutsideTheGuideExplainsTheRange() {
        startAndChoose(Direction.TO_BIGCOMMERCE);

        Outcome outcome = send(new Event.GoTo(MERCHANT, 9));

        assertThat(notice(outcome)).isEqualTo("There is no step 9: the guide has steps 1 to 7.");
        assertThat(session.get().step()).isZero();
    }

    @Test
    void goToPastTheFirstStepNeedsTheMigrationChosen() {
        send(new Event.Start(MERCHANT, "en", Optional.empty()));

        Outcome outcome = send(new Event.GoTo(MERCHANT, 4));

        assertThat(step(outcome).index()).isZero();
        assertThat(notice(outcome)).contains("Choose which way");
    }

    @Test
    void theScopeStepShowsModifyForAMigrationIntoBigCommerce() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        send(new Event.Next(MERCHANT, 0, Optional.of(EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS))));

        StepView view = step(send(new Event.GoTo(MERCHANT, 5)));

        assertThat(view.body()).contains("**Modify**");
        assertThat(view.picture().file()).isEqualTo("scopes-modify.png");
        assertThat(view.scopes().get().rows())
                .extracting(StepView.ScopeRow::scope, StepView.ScopeRow::access, StepView.ScopeRow::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Content", "Modify", true),
                        org.assertj.core.groups.Tuple.tuple("Customers", "Modify", false),
                        org.assertj.core.groups.Tuple.tuple("Information & Settings", "Modify", true),
                        org.assertj.core.groups.Tuple.tuple("Marketing", "Modify", true),
                        org.assertj.core.groups.Tuple.tuple("Orders", "Modify", true),
                        org.assertj.core.groups.Tuple.tuple("Products", "Modify", true),
                        org.assertj.core.groups.Tuple.tuple("Channel Settings", "Modify", true),
                        org.assertj.core.groups.Tuple.tuple("Channel Listings", "Modify", true));
    }

    @Test
    void theScopeStepShowsReadOnlyForAMigrationOutOfBigCommerce() {
        startAndChoose(Direction.FROM_BIGCOMMERCE);
        send(new Event.Next(MERCHANT, 0, Optional.of(EnumSet.of(DataSet.CUSTOMERS))));

        StepView view = step(send(new Event.GoTo(MERCHANT, 5)));

        assertThat(view.body()).contains("**Read-only**");
        assertThat(view.picture().file()).isEqualTo("scopes-read-only.png");
        assertThat(view.scopes().get().rows()).allMatch(r -> r.access().equals("Read-only"));
        assertThat(view.scopes().get().rows()).filteredOn(r -> !r.required())
                .extracting(StepView.ScopeRow::scope).containsExactly("Orders", "Products");
    }

    @Test
    void theNameStepSuggestsANameForTheDirection() {
        startAndChoose(Direction.FROM_BIGCOMMERCE);

        StepView view = step(send(new Event.GoTo(MERCHANT, 4)));

        assertThat(view.body()).contains("**Migration from BigCommerce**").doesNotContain("{");
    }

    @Test
    void helpExplainsTheCurrentStepWithoutMovingIt() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(2);
        long version = session.get().version();

        Outcome outcome = send(new Event.Help(MERCHANT));

        assertThat(outcome.replies()).singleElement().isInstanceOfSatisfying(Reply.HelpShown.class, help -> {
            assertThat(help.title()).isEqualTo("Help: Choose the token type");
            assertThat(help.body()).contains("Account-level");
        });
        assertThat(session.get().version()).isEqualTo(version);
    }

    @Test
    void stuckAcknowledgesAndAsksForAnEscalation() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(3);

        Outcome outcome = send(new Event.Stuck(MERCHANT));

        assertThat(notice(outcome)).contains("Name the account");
        assertThat(outcome.effects()).containsExactly(new Effect.Escalate(KEY, 4, "Name the account"));
        assertThat(session.get().step()).isEqualTo(3);
    }

    @Test
    void startingAgainResumesWhereTheMerchantLeftOff() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(3);
        clock.advance(Duration.ofDays(2));

        Outcome outcome = send(new Event.Start(MERCHANT, "en", Optional.empty()));

        assertThat(step(outcome).index()).isEqualTo(3);
        assertThat(notice(outcome)).isEqualTo("Welcome back: you were on step 4 of 7. Carry on from here.");
    }

    @Test
    void anAbandonedSessionExpiresAndTheNextEventStartsAfresh() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(3);
        long version = session.get().version();
        clock.advance(Duration.ofDays(8));

        Outcome outcome = send(new Event.Next(MERCHANT, 3));

        assertThat(step(outcome).index()).isZero();
        assertThat(notice(outcome)).contains("expired");
        assertThat(session.get().direction()).isNull();
        assertThat(session.get().version()).isGreaterThan(version);
    }

    @Test
    void restartGoesBackToTheFirstQuestion() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(4);

        Outcome outcome = send(new Event.Restart(MERCHANT));

        assertThat(step(outcome).index()).isZero();
        assertThat(session.get().direction()).isNull();
        assertThat(notice(outcome)).contains("Starting over");
    }

    @Test
    void cancelStopsAndEveryLaterButtonOffersToStartAgain() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(2);

        Outcome cancelled = send(new Event.Cancel(MERCHANT));
        Outcome later = send(new Event.Next(MERCHANT, 2));

        assertThat(session.get().status()).isEqualTo(Status.CANCELLED);
        assertThat(notice(cancelled)).contains("Setup stopped");
        assertThat(later.replies()).singleElement().isInstanceOfSatisfying(Reply.Notice.class, n ->
                assertThat(n.actions()).extracting(a -> a.ref().kind()).containsExactly(ActionKind.RESTART));
        assertThat(step(send(new Event.Restart(MERCHANT))).index()).isZero();
        assertThat(session.get().status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void startAfterCancelBeginsANewSetup() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(2);
        send(new Event.Cancel(MERCHANT));

        StepView view = step(send(new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE))));

        assertThat(view.index()).isZero();
        assertThat(session.get().status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void cancelWithNothingInProgressSaysSo() {
        Outcome outcome = send(new Event.Cancel(MERCHANT));

        assertThat(notice(outcome)).contains("no setup in progress");
        assertThat(outcome.session()).isEmpty();
    }

    @Test
    void aButtonWithNoSessionBeginsOne() {
        StepView view = step(send(new Event.Next(MERCHANT, 3)));

        assertThat(view.index()).isZero();
        assertThat(session).isPresent();
    }

    @Test
    void someoneElseCannotMoveAMerchantsSetup() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        Session before = session.get();

        Outcome outcome = send(new Event.Next(new Actor("U-stranger"), 0));

        assertThat(notice(outcome)).contains("belongs to someone else");
        assertThat(session).contains(before);
    }

    @Test
    void theCustomerAndTheAgentBothMoveAnAgentLaunchedSetup() {
        SessionKey key = SessionKey.onBehalf(Platform.TEAMS, "tenant", "agent", "customer");
        send(key, new Event.Start(new Actor("agent"), "en", Optional.of(Direction.TO_BIGCOMMERCE)));

        send(key, new Event.Next(new Actor("customer"), 0));
        send(key, new Event.Next(new Actor("agent"), 1));
        Outcome stranger = send(key, new Event.Next(new Actor("someone"), 2));

        assertThat(session.get().step()).isEqualTo(2);
        assertThat(notice(stranger)).contains("belongs to someone else");
        assertThat(key.maySubmit(new Actor("customer"))).isTrue();
        assertThat(key.maySubmit(new Actor("agent"))).isFalse();
    }

    @Test
    void anUnknownLocaleFallsBackToEnglish() {
        StepView view = step(send(new Event.Start(MERCHANT, "pt-BR", Optional.empty())));

        assertThat(view.title()).isEqualTo("What are we migrating?");
        assertThat(session.get().locale()).isEqualTo("en");
    }

    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";
    private static final CredentialForm GOOD_FORM =
            CredentialForm.ofFields("https://api.bigcommerce.com/stores/abc123/v3/", CLIENT_ID, TOKEN);

    private static ValidationReport report(dev.bcsetup.credentials.Outcome outcome) {
        return new ValidationReport(outcome, Optional.of(new StoreInfo("Plant Parlour", "plantparlour.example", "Plus", "live")),
                List.of(), List.of(), List.of(), Duration.ofMillis(200));
    }

    @Test
    void theLastStepOffersTheSecureForm() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(6);

        Outcome outcome = send(new Event.OpenForm(MERCHANT, 6));

        assertThat(outcome.replies()).singleElement().isInstanceOfSatisfying(Reply.FormRequested.class, r -> {
            assertThat(r.form().title()).hasSizeLessThanOrEqualTo(24);
            assertThat(r.form().fields()).extracting(FormView.FormField::field)
                    .containsExactly(Field.API_PATH, Field.CLIENT_ID, Field.ACCESS_TOKEN, Field.PASTED_FILE);
            assertThat(r.form().fields()).filteredOn(FormView.FormField::secret).extracting(FormView.FormField::field)
                    .containsExactly(Field.ACCESS_TOKEN, Field.PASTED_FILE);
            assertThat(r.form().hasErrors()).isFalse();
        });
    }

    @Test
    void aRejectedFormComesBackWithAMessageBesideEachBadFieldAndNoValue() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        walkTo(6);

        Outcome outcome = send(new Event.SubmitCredentials(MERCHANT, CredentialForm.ofFields(
                "https://api.bigcommerce.com/accounts/1234-abcd/", CLIENT_ID, CLIENT_ID)));

        FormView form = ((Reply.FormRejected) outcome.replies().get(0)).form();
        assertThat(form.fields()).filteredOn(f -> f.field() == Field.API_PATH).singleElement()
                .satisfies(f -> assertThat(f.error()).get().asString().contains("account-level"));
        assertThat(form.fields()).filteredOn(f -> f.field() == Field.ACCESS_TOKEN).singleElement()
                .satisfies(f -> assertThat(f.error()).get().asString().contains("same as the client ID"));
        assertThat(form.toString()).doesNotContain(CLIENT_ID);
        assertThat(outcome.effects()).isEmpty();
        assertThat(session.get().status()).isEqualTo(Status.READY);
    }

    @Test
    void acceptedCredentialsStartTheLiveCheckWithThePlanOfThisMigration() {
        startAndChoose(Direction.FROM_BIGCOMMERCE);
        send(new Event.Next(MERCHANT, 0, Optional.of(EnumSet.of(DataSet.ORDERS))));

        Outcome outcome = send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));

        assertThat(outcome.replies()).singleElement().isInstanceOf(Reply.Checking.class);
        assertThat(session.get().status()).isEqualTo(Status.CHECKING);
        assertThat(session.get().step()).isEqualTo(6);
        assertThat(outcome.effects()).singleElement().isInstanceOfSatisfying(Effect.Validate.class, v -> {
            assertThat(v.credentials().storeHash().value()).isEqualTo("abc123");
            assertThat(v.plan()).isEqualTo(ScopePlan.forMigration(Direction.FROM_BIGCOMMERCE, Set.of(DataSet.ORDERS)));
            assertThat(v.toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void aSecondSubmissionWhileCheckingIsNotCheckedTwice() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));

        Outcome second = send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));
        Outcome next = send(new Event.Back(MERCHANT, 6));

        assertThat(second.effects()).isEmpty();
        assertThat(notice(second)).contains("being checked");
        assertThat(notice(next)).contains("being checked");
        assertThat(session.get().status()).isEqualTo(Status.CHECKING);
    }

    @Test
    void aValidReportEndsTheSetup() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));

        Outcome outcome = send(new Event.ValidationFinished(MERCHANT, report(dev.bcsetup.credentials.Outcome.VALID)));

        assertThat(outcome.replies()).singleElement().isInstanceOfSatisfying(Reply.ReportShown.class, r -> {
            assertThat(r.report().valid()).isTrue();
            assertThat(r.report().headline()).contains("Plant Parlour");
            assertThat(r.report().notes()).first().asString().contains("passed every check");
        });
        assertThat(session.get().status()).isEqualTo(Status.VALIDATED);
        Outcome again = send(new Event.Start(MERCHANT, "en", Optional.empty()));
        assertThat(notice(again)).contains("already passed");
    }

    @Test
    void aFailedReportLetsTheMerchantTryAgain() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));

        Outcome outcome = send(new Event.ValidationFinished(MERCHANT, report(dev.bcsetup.credentials.Outcome.TOKEN_REJECTED)));

        ReportView report = ((Reply.ReportShown) outcome.replies().get(0)).report();
        assertThat(report.valid()).isFalse();
        assertThat(report.actions()).extracting(a -> a.ref().kind()).containsExactly(ActionKind.OPEN_FORM, ActionKind.STUCK);
        assertThat(session.get().status()).isEqualTo(Status.READY);
        assertThat(send(new Event.OpenForm(MERCHANT, 6)).replies().get(0)).isInstanceOf(Reply.FormRequested.class);
    }

    @Test
    void aResultArrivingAfterARestartIsDropped() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));
        send(new Event.Restart(MERCHANT));

        Outcome late = send(new Event.ValidationFinished(MERCHANT, report(dev.bcsetup.credentials.Outcome.VALID)));

        assertThat(late.replies()).isEmpty();
        assertThat(session.get().status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aCheckCutShortByARestartAsksTheMerchantToSendAgain() {
        startAndChoose(Direction.TO_BIGCOMMERCE);
        send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));
        clock.advance(Duration.ofMinutes(5));

        Outcome outcome = send(new Event.Resume(MERCHANT));

        assertThat(notice(outcome)).contains("interrupted");
        assertThat(session.get().status()).isEqualTo(Status.READY);
    }

    @Test
    void onlyTheCustomerMayOpenOrSendTheFormInAnAgentLaunchedSetup() {
        SessionKey key = SessionKey.onBehalf(Platform.TEAMS, "tenant", "agent", "customer");
        send(key, new Event.Start(new Actor("agent"), "en", Optional.of(Direction.TO_BIGCOMMERCE)));

        Outcome byAgent = send(key, new Event.SubmitCredentials(new Actor("agent"), GOOD_FORM));
        Outcome agentOpens = send(key, new Event.OpenForm(new Actor("agent"), 0));
        Outcome byCustomer = send(key, new Event.SubmitCredentials(new Actor("customer"), GOOD_FORM));

        assertThat(notice(byAgent)).contains("Only the store's own person");
        assertThat(byAgent.effects()).isEmpty();
        assertThat(notice(agentOpens)).contains("Only the store's own person");
        assertThat(byCustomer.effects()).hasSize(1);
    }

    @Test
    void theFormNeedsTheMigrationChosenFirst() {
        send(new Event.Start(MERCHANT, "en", Optional.empty()));

        Outcome outcome = send(new Event.SubmitCredentials(MERCHANT, GOOD_FORM));

        assertThat(notice(outcome)).contains("Choose which way");
        assertThat(outcome.effects()).isEmpty();
    }

    @Test
    void everyChangeGetsTheNextVersionAndTheTime() {
        send(new Event.Start(MERCHANT, "en", Optional.empty()));
        clock.advance(Duration.ofMinutes(1));
        send(new Event.ChooseDirection(MERCHANT, 0, Direction.TO_BIGCOMMERCE));

        assertThat(session.get().version()).isEqualTo(2);
        assertThat(session.get().updatedAt()).isEqualTo(Instant.parse("2026-11-25T10:01:00Z"));
        assertThat(session.get().createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }
}
