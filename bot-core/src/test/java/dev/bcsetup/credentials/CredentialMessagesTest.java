package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialMessagesTest {

    private final CredentialMessages messages = CredentialMessages.forLocale(Locale.ENGLISH);

    @Test
    void everyProblemHasASentenceWhosePlaceholdersAreFilled() {
        Map<String, String> params = Map.of("suggestedPath", "https://api.bigcommerce.com/stores/abc123/v3/",
                "length", "9", "storeHash", "abc123", "seconds", "10", "scope", "Products",
                "access", "Modify", "scopes", "Products: Modify");
        for (ProblemCode code : ProblemCode.values()) {
            String text = messages.render(new Problem(code, params));
            assertThat(text).as(code.name()).isNotBlank().doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void placeholdersAreReplacedWithTheGivenValues() {
        assertThat(messages.render(Problem.of(ProblemCode.API_PATH_CONTROL_PANEL_URL, "suggestedPath", "https://x/")))
                .contains("https://x/");
    }

    @Test
    void headlineNamesTheStore() {
        ValidationReport report = new ValidationReport(Outcome.VALID,
                Optional.of(new StoreInfo("Plant Shop", "plants.example", "Plus", "live")),
                List.of(), List.of(), List.of(), Duration.ZERO);
        assertThat(messages.headline(report)).contains("Plant Shop");
    }

    @Test
    void everyScopeStatusHasALabel() {
        for (ScopeStatus status : ScopeStatus.values()) {
            assertThat(messages.label(status)).isNotBlank();
        }
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertThat(CredentialMessages.forLocale(Locale.JAPANESE).render(Problem.of(ProblemCode.API_PATH_EMPTY)))
                .isEqualTo(messages.render(Problem.of(ProblemCode.API_PATH_EMPTY)));
    }
}
