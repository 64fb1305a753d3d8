package dev.bcsetup.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The raw configuration: environment variables, over an optional properties file named by
 * {@code CONFIG_FILE} that may hold the same keys. Blank values count as unset.
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        Map<String, String> cleaned = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                cleaned.put(k, v.strip());
            }
        });
        return new Settings(cleaned);
    }

    /** The environment over the file {@code CONFIG_FILE} names, if it names one. */
    public static Settings fromEnvironment(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        String file = environment.get("CONFIG_FILE");
        if (file != null && !file.isBlank()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file.strip()))) {
                properties.load(reader);
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("CONFIG_FILE: cannot read properties file " + file.strip()
                        + " (" + e.getClass().getSimpleName() + ")");
            }
            properties.stringPropertyNames().forEach(name -> merged.put(name, properties.getProperty(name)));
        }
        merged.putAll(environment);
        return of(merged);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
