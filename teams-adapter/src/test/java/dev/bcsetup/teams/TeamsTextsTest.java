package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class TeamsTextsTest {

    @Test
    void readsEnglishFromJsonAndFillsPlaceholders() {
        assertThat(TeamsTexts.forLocale("en-US").get("reveal.title", "reference", "BC-1")).isEqualTo("Credentials for BC-1");
        assertThat(TeamsTexts.forLocale("en-US").get("link.created", "customer", "c", "link", "L", "expires", "E"))
                .contains("\n\nL");
    }

    @Test
    void aLanguageWithoutItsOwnFileGetsEnglish() {
        assertThat(TeamsTexts.forLocale("fr-FR").get("dialog.close")).isEqualTo("Close");
        assertThat(TeamsTexts.forLocale(null).get("dialog.close")).isEqualTo("Close");
        assertThat(TeamsTexts.forLocale("../../etc").get("dialog.close")).isEqualTo("Close");
    }

    @Test
    void anUnknownSentenceIsAnError() {
        assertThatThrownBy(() -> TeamsTexts.forLocale("en").get("no.such.sentence"))
                .isInstanceOf(MissingResourceException.class);
    }
}
