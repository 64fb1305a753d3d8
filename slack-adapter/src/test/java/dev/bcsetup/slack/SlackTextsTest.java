package dev.bcsetup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SlackTextsTest {

    @Test
    void everyLanguageFileGivesEverySentence() throws IOException, URISyntaxException {
        Path folder = Path.of(SlackTexts.class.getResource("/slack/texts-en.json").toURI()).getParent();
        List<String> languages;
        try (Stream<Path> files = Files.list(folder)) {
            languages = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("texts-[a-z]{2,3}\\.json"))
                    .map(n -> n.substring("texts-".length(), n.length() - ".json".length())).toList();
        }
        assertThat(languages).contains("en");
        for (String language : languages) {
            SlackTexts texts = SlackTexts.load(language);
            for (SlackText key : SlackText.values()) {
                assertThat(texts.get(key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void anUnknownLanguageFallsBackToEnglishAndPlaceholdersAreFilled() {
        SlackTexts texts = SlackTexts.forLocale("xx-YY");
        assertThat(texts.language()).isEqualTo("en");
        assertThat(texts.get(SlackText.HOME_HINT, "command", SlackTexts.COMMAND)).contains("`/bigcommerce-setup`");
        assertThat(SlackTexts.forLocale(null).language()).isEqualTo("en");
    }
}
