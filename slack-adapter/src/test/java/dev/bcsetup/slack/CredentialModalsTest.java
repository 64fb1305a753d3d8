package dev.bcsetup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.bcsetup.conversation.Action;
import dev.bcsetup.conversation.ActionKind;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.conversation.FormView;
import dev.bcsetup.conversation.ReportView;
import dev.bcsetup.credentials.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialModalsTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CredentialModals modals = new CredentialModals(SlackTexts.english());

    private static JsonNode json(View view) throws Exception {
        return JSON.readTree(GSON.toJson(view));
    }

    private static FormView form(String title, String apiPathError) {
        return new FormView(title, "Paste **the three values**.", List.of(
                new FormView.FormField(Field.API_PATH, "API path", "Looks like https://api.bigcommerce.com/stores/abc123/v3/", false,
                        false, Optional.ofNullable(apiPathError)),
                new FormView.FormField(Field.CLIENT_ID, "Client ID", "About 30 letters", false, false, Optional.empty()),
                new FormView.FormField(Field.ACCESS_TOKEN, "Access token", "Not the client secret", true, false, Optional.empty()),
                new FormView.FormField(Field.PASTED_FILE, "Or paste the whole .txt file", "Everything", true, true, Optional.empty())),
                "Check my credentials, please, right now", "Never posted into a chat.");
    }

    @Test
    void longTitlesAndLabelsAreCutToWhatAModalAllows() throws Exception {
        JsonNode view = json(modals.form(form("A title far longer than Slack's twenty-four characters", null),
                CredentialModals.metadata(Optional.of("D0MERCHANT1")), Optional.empty()));
        assertThat(BlockKitLimits.view(view)).isEmpty();
        assertThat(view.path("title").path("text").asText()).hasSize(24).endsWith("…");
        assertThat(view.path("submit").path("text").asText()).hasSizeLessThanOrEqualTo(24);
        assertThat(view.path("private_metadata").asText()).isEqualTo("{\"dm\":\"D0MERCHANT1\"}");
        assertThat(view.toString()).doesNotContain("initial_value");
    }

    @Test
    void fieldErrorsPointAtTheirInputBlocks() throws Exception {
        Map<String, String> errors = CredentialModals.errors(form("Your API credentials", "That is the control panel's address."));
        assertThat(errors).containsOnlyKeys("api_path");
        JsonNode view = json(modals.form(form("Your API credentials", null), "", Optional.empty()));
        assertThat(view.toString()).contains("\"block_id\":\"api_path\"");
    }

    @Test
    void privateMetadataHoldsOnlyADmChannel() {
        assertThat(CredentialModals.metadata(Optional.of("C0GENERAL01"))).isEmpty();
        assertThat(CredentialModals.metadata(Optional.of("D0\"},{\"x"))).isEmpty();
        assertThat(CredentialModals.dmFrom(CredentialModals.metadata(Optional.of("D0MERCHANT1")))).contains("D0MERCHANT1");
        assertThat(CredentialModals.dmFrom("{\"dm\":\"abcdefghij0123456789\"}")).isEmpty();
    }

    @Test
    void aPassingReportShowsTheReceiptReferenceProminently() throws Exception {
        ReportView report = new ReportView(true, "All set: connected to **Plant Parlour**.", Optional.empty(), "Permissions",
                List.of(), List.of(), List.of("Your credentials passed every check."), List.of(),
                Optional.of(new ReportView.Receipt("BC-7Q2K-4M9P", "Your reference", "The migration team has them now.",
                        "To end access later, delete the API account.")));
        JsonNode view = json(modals.report("BigCommerce setup", report, ""));
        assertThat(BlockKitLimits.view(view)).isEmpty();
        assertThat(view.toString()).contains("*Your reference: BC-7Q2K-4M9P*").contains("delete the API account");
        assertThat(view.path("close").path("text").asText()).isEqualTo("Done");
    }

    @Test
    void aFailedReportOffersTryAgainAndStuckAndPassesTheLimits() throws Exception {
        ReportView report = new ReportView(false, "Connected to **Plant Parlour**, but some scopes need fixing.",
                Optional.of("Store: Plant Parlour (plantparlour.example)"), "Permissions",
                List.of(new ReportView.ScopeLine("Products", "Modify", "Read-only", false),
                        new ReportView.ScopeLine("Orders", "Modify", "Modify", true)),
                List.of("Open the API account, set **Products** to Modify."), List.of("A note."),
                List.of(new Action(new ActionRef(ActionKind.OPEN_FORM, 6), "Try again", Action.Style.PRIMARY),
                        new Action(new ActionRef(ActionKind.STUCK, 6), "I'm stuck", Action.Style.DEFAULT)));
        JsonNode view = json(modals.report("BigCommerce setup", report, ""));
        assertThat(BlockKitLimits.view(view)).isEmpty();
        assertThat(view.toString()).contains("✗ Products: Modify (Read-only)").contains("✓ Orders").contains("*Products*")
                .contains("open_form:6").contains("stuck:6");
        assertThat(view.path("close").path("text").asText()).isEqualTo("Close");
    }
}
