package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.conversation.Action;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Conversation;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.StepView;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdaptiveCardsTest {

    private static final Optional<URI> PUBLIC = Optional.of(URI.create("https://bot.example.com"));
    private static final SessionKey OWN = SessionKey.own(Platform.TEAMS, "tenant-1", "29:merchant");
    private static final SessionKey FOR_CUSTOMER = SessionKey.onBehalf(Platform.TEAMS, "tenant-1", "29:agent", "29:customer");
    private final TeamsTexts texts = TeamsTexts.forLocale("en-US");

    @Test
    void everyStepInEitherDirectionIsAValidTeamsCard() {
        for (Direction direction : Direction.values()) {
            for (StepView view : walk(direction, EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS))) {
                for (Optional<URI> base : List.of(PUBLIC, Optional.<URI>empty())) {
                    for (SessionKey key : List.of(OWN, FOR_CUSTOMER)) {
                        CardChecks.assertTeamsAccepts(new AdaptiveCards(base).step(view, key, texts));
                    }
                }
                CardChecks.assertTeamsAccepts(new AdaptiveCards(PUBLIC).step(view.withNotice("A **notice**."), OWN, texts));
            }
        }
    }

    @Test
    void showsProgressPictureAndTextWithBoldAndBullets() {
        List<StepView> views = walk(Direction.TO_BIGCOMMERCE, EnumSet.allOf(DataSet.class));
        StepView second = views.get(1);
        JsonNode card = new AdaptiveCards(PUBLIC).step(second, OWN, texts);
        List<String> texts = CardChecks.elements(card, "TextBlock").stream().map(t -> t.path("text").asText()).toList();
        assertThat(texts.get(0)).isEqualTo("Step 2 of 7");
        assertThat(texts).contains(second.title());
        assertThat(String.join("\n", texts)).contains("**");
        assertThat(CardChecks.elements(card, "TextBlock")).allMatch(t -> t.path("wrap").asBoolean());
        JsonNode image = CardChecks.elements(card, "Image").get(0);
        assertThat(image.path("url").asText()).isEqualTo("https://bot.example.com/assets/" + second.picture().file());
        assertThat(image.path("altText").asText()).isEqualTo(second.picture().alt());
        boolean anyBullets = views.stream().anyMatch(v -> v.body().lines().anyMatch(l -> l.strip().startsWith("- ")));
        if (anyBullets) {
            StepView withBullets = views.stream().filter(v -> v.body().lines().anyMatch(l -> l.strip().startsWith("- "))).findFirst().orElseThrow();
            JsonNode bulletCard = new AdaptiveCards(PUBLIC).step(withBullets, OWN, this.texts);
            assertThat(CardChecks.elements(bulletCard, "TextBlock")).anyMatch(t -> t.path("text").asText().startsWith("- "));
        }
    }

    @Test
    void localModeSaysWherePicturesComeFromInsteadOfAnImage() {
        StepView first = walk(Direction.TO_BIGCOMMERCE, EnumSet.allOf(DataSet.class)).get(0);
        JsonNode card = new AdaptiveCards(Optional.empty()).step(first, OWN, texts);
        assertThat(CardChecks.elements(card, "Image")).isEmpty();
        assertThat(card.toString()).contains("PUBLIC_BASE_URL").contains(first.picture().alt().substring(0, 20));
    }

    @Test
    void firstStepOffersDirectionsAndAMultiSelectOfDataSetsSubmittedWithNext() {
        StepView first = walk(Direction.FROM_BIGCOMMERCE, EnumSet.of(DataSet.CUSTOMERS)).get(0);
        JsonNode card = new AdaptiveCards(PUBLIC).step(first, OWN, texts);
        JsonNode choice = CardChecks.elements(card, "Input.ChoiceSet").get(0);
        assertThat(choice.path("isMultiSelect").asBoolean()).isTrue();
        assertThat(choice.path("id").asText()).isEqualTo(AdaptiveCards.DATA_SETS_INPUT);
        List<String> encoded = CardChecks.elements(card, "Action.Submit").stream()
                .map(a -> a.path("data").path("action").asText()).toList();
        assertThat(encoded).contains("choose_direction:0:TO_BIGCOMMERCE", "choose_direction:0:FROM_BIGCOMMERCE", "next:0");
        assertThat(CardChecks.elements(card, "Action.Submit")).anyMatch(a -> a.path("title").asText().contains("Out of BigCommerce")
                && a.path("style").asText().equals("positive"));
    }

    @Test
    void scopeStepShowsTheExactTableAsA15Table() {
        List<StepView> views = walk(Direction.FROM_BIGCOMMERCE, EnumSet.of(DataSet.ORDERS));
        StepView scopes = views.stream().filter(v -> v.scopes().isPresent()).findFirst().orElseThrow();
        JsonNode table = CardChecks.elements(new AdaptiveCards(PUBLIC).step(scopes, OWN, texts), "Table").get(0);
        assertThat(table.path("rows")).hasSize(scopes.scopes().get().rows().size() + 1);
        assertThat(table.toString()).contains("Read-only").contains("Channel Listings");
    }

    @Test
    void everyButtonNamesItsActionAndTheSetupItBelongsTo() {
        for (StepView view : walk(Direction.TO_BIGCOMMERCE, EnumSet.allOf(DataSet.class))) {
            JsonNode card = new AdaptiveCards(PUBLIC).step(view, FOR_CUSTOMER, texts);
            List<JsonNode> buttons = CardChecks.elements(card, "Action.Submit");
            assertThat(buttons).hasSizeGreaterThanOrEqualTo(view.actions().size());
            for (JsonNode button : buttons) {
                JsonNode data = button.path("data");
                assertThat(ActionRef.decode(data.path("action").asText())).isPresent();
                assertThat(data.path("user").asText()).isEqualTo("29:agent");
                assertThat(data.path("customer").asText()).isEqualTo("29:customer");
            }
            for (Action action : view.actions()) {
                assertThat(buttons).anyMatch(b -> b.path("title").asText().equals(action.label()));
            }
        }
    }

    @Test
    void aCardSubmitBecomesTheEventItsButtonStandsFor() throws Exception {
        ObjectMapper json = TeamsJson.mapper();
        JsonNode value = json.readTree("{\"action\":\"next:0\",\"user\":\"29:agent\",\"customer\":\"29:customer\","
                + "\"dataSets\":\"PRODUCTS,ORDERS,BOGUS\"}");
        CardSubmit submit = CardSubmit.read(value, json).orElseThrow();
        Event event = submit.action().toEvent(new Actor("29:customer"), submit.dataSets());
        assertThat(event).isEqualTo(new Event.Next(new Actor("29:customer"), 0,
                Optional.of(EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS))));
        assertThat(CardSubmit.read(json.readTree("{\"action\":\"next:0\",\"user\":\"u\",\"dataSets\":\"\"}"), json)
                .orElseThrow().dataSets()).contains(Set.of());
        assertThat(CardSubmit.read(json.readTree("{\"action\":\"explode:0\",\"user\":\"u\"}"), json)).isEmpty();
        assertThat(CardSubmit.read(json.readTree("{\"action\":\"next:0\"}"), json)).isEmpty();
        assertThat(CardSubmit.read(json.readTree("[1,2]"), json)).isEmpty();
        assertThat(CardSubmit.read(null, json)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesMistakes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(CardChecks.schemaProblems(json.readTree(
                "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\"}]}"))).isNotEmpty();
        assertThat(CardChecks.schemaProblems(json.readTree(
                "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"actions\":[{\"type\":\"Action.Submit\",\"style\":\"loud\"}]}")))
                .isNotEmpty();
    }

    @Test
    void noticeWithButtonsIsAValidCard() {
        Action start = new Action(new ActionRef(dev.bcsetup.conversation.ActionKind.RESTART, 0), "Start again", Action.Style.PRIMARY);
        CardChecks.assertTeamsAccepts(new AdaptiveCards(PUBLIC).notice("Setup stopped.\n\n- one\n- **two**", List.of(start), OWN));
    }

    /** Every step of one migration, as the core shows it, first to last. */
    static List<StepView> walk(Direction direction, Set<DataSet> dataSets) {
        Conversation conversation = new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7));
        Actor merchant = new Actor(OWN.user());
        List<StepView> views = new ArrayList<>();
        Optional<Session> session = Optional.empty();
        Outcome outcome = conversation.handle(OWN, session, new Event.Start(merchant, "en", Optional.of(direction)));
        for (int i = 0; i < 7; i++) {
            StepView view = outcome.replies().stream().filter(r -> r instanceof Reply.StepShown)
                    .map(r -> ((Reply.StepShown) r).view()).findFirst().orElseThrow();
            views.add(view);
            session = outcome.session();
            outcome = conversation.handle(OWN, session, new Event.Next(merchant, view.index(),
                    view.index() == 0 ? Optional.of(dataSets) : Optional.empty()));
        }
        return views;
    }
}
