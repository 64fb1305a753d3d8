package dev.bcsetup.teams;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.flow.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * The sentences only Teams needs (usage in group chats, the dialog, the engineers channel); the conversation's own
 * text lives in bot-core's flow files. Text is data: one JSON file per language, {@code teams/texts.{language}.json},
 * English when the merchant's language has none.
 */
final class TeamsTexts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TeamsTexts ENGLISH = load("en").orElseThrow(() ->
            new IllegalStateException("teams/texts.en.json is missing from the class path"));

    private final Map<String, String> sentences;

    private TeamsTexts(Map<String, String> sentences) {
        this.sentences = Map.copyOf(sentences);
    }

    static TeamsTexts forLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return ENGLISH;
        }
        String language = Locale.forLanguageTag(locale).getLanguage();
        return language.isEmpty() || language.equals("en") ? ENGLISH : load(language).orElse(ENGLISH);
    }

    /** The sentence named {@code key} with {@code {name}} placeholders filled from name/value pairs. */
    String get(String key, String... namesAndValues) {
        String sentence = sentences.get(key);
        if (sentence == null) {
            sentence = ENGLISH.sentences.get(key);
        }
        if (sentence == null) {
            throw new MissingResourceException("no Teams sentence " + key, TeamsTexts.class.getName(), key);
        }
        return Placeholders.fill(sentence, namesAndValues);
    }

    private static Optional<TeamsTexts> load(String language) {
        if (!language.matches("[a-z]{2,3}")) {
            return Optional.empty();
        }
        try (InputStream in = TeamsTexts.class.getResourceAsStream("/teams/texts." + language + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new TeamsTexts(JSON.readValue(in, new TypeReference<Map<String, String>>() { })));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read teams/texts." + language + ".json", e);
        }
    }
}
