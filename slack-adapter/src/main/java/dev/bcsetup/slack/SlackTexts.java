package dev.bcsetup.slack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.flow.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentences only Slack says (the DM pointer, command usage, App Home, modals, the engineers' channel),
 * read from {@code slack/texts-<language>.json}: a second language is a second file, no Java.
 */
final class SlackTexts {

    /** The slash command, as registered in the app manifest; a name, not a sentence. */
    static final String COMMAND = "/bigcommerce-setup";
    static final String DEFAULT_LANGUAGE = "en";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SlackTexts> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Map<SlackText, String> texts;

    private SlackTexts(String language, Map<SlackText, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The texts for a locale's language ({@code de-CH} reads {@code texts-de.json}), else English. */
    static SlackTexts forLocale(String locale) {
        String language = locale == null || locale.isBlank() ? DEFAULT_LANGUAGE
                : Locale.forLanguageTag(locale).getLanguage();
        return LOADED.computeIfAbsent(language.isEmpty() ? DEFAULT_LANGUAGE : language, SlackTexts::loadOrDefault);
    }

    static SlackTexts english() {
        return forLocale(DEFAULT_LANGUAGE);
    }

    String language() {
        return language;
    }

    /** The sentence, with {@code {name}} placeholders filled from alternating names and values. */
    String get(SlackText key, String... args) {
        return Placeholders.fill(texts.get(key), args);
    }

    private static SlackTexts loadOrDefault(String language) {
        SlackTexts texts = load(language);
        return texts != null ? texts : load(DEFAULT_LANGUAGE);
    }

    /** Reads one file; a missing key is a build failure (the test reads every file), not a blank message. */
    static SlackTexts load(String language) {
        String resource = "/slack/texts-" + language + ".json";
        try (InputStream in = SlackTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Map<SlackText, String> read = JSON.readValue(in, new TypeReference<EnumMap<SlackText, String>>() { });
            Set<SlackText> missing = EnumSet.allOf(SlackText.class);
            missing.removeAll(read.keySet());
            read.values().removeIf(v -> v == null || v.isBlank());
            if (!missing.isEmpty() || read.size() != SlackText.values().length) {
                throw new IllegalStateException(resource + " lacks " + (missing.isEmpty() ? "some values" : missing));
            }
            return new SlackTexts(language, Map.copyOf(read));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
