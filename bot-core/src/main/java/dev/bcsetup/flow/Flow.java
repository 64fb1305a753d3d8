package dev.bcsetup.flow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The whole guided flow in one locale: its steps in order and its fixed sentences. */
public record Flow(String locale, List<Step> steps, Map<Text, String> texts) {

    public Flow {
        Objects.requireNonNull(locale, "locale");
        steps = List.copyOf(steps);
        texts = texts.isEmpty() ? Map.of() : new EnumMap<>(texts);
    }

    public int size() {
        return steps.size();
    }

    public Step step(int index) {
        return steps.get(index);
    }

    public int lastIndex() {
        return steps.size() - 1;
    }

    /** A fixed sentence with its {@code {name}} placeholders filled from {@code args} (name, value, name, value...). */
    public String text(Text key, String... args) {
        String template = texts.get(key);
        if (template == null) {
            throw new IllegalStateException("flow " + locale + " has no text " + key);
        }
        return Placeholders.fill(template, args);
    }
}
