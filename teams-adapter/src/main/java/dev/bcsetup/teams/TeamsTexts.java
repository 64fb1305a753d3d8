package dev.bcsetup.teams;

import dev.bcsetup.flow.Placeholders;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The few sentences only Teams needs (usage in group chats, the engineers channel), from {@code teams/texts*.properties}. */
final class TeamsTexts {

    private final ResourceBundle bundle;

    private TeamsTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static TeamsTexts forLocale(String locale) {
        Locale wanted = locale == null || locale.isBlank() ? Locale.ROOT : Locale.forLanguageTag(locale);
        try {
            return new TeamsTexts(ResourceBundle.getBundle("teams.texts", wanted,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        } catch (MissingResourceException none) {
            return new TeamsTexts(ResourceBundle.getBundle("teams.texts", Locale.ROOT));
        }
    }

    /** The sentence named {@code key} with {@code {name}} placeholders filled from name/value pairs. */
    String get(String key, String... namesAndValues) {
        return Placeholders.fill(bundle.getString(key), namesAndValues);
    }
}
