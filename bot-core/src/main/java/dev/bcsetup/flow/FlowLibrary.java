package dev.bcsetup.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The flow in every language the product ships, read from {@code flow/{language}.json} on the class
 * path: adding a language is adding a file. English is read and checked at start-up and is the
 * fallback; another language is read the first time a merchant with that locale arrives.
 */
public final class FlowLibrary {

    /** Where the flow files and their pictures live on the class path. */
    public static final String RESOURCE_ROOT = "flow/";
    public static final String IMAGE_ROOT = RESOURCE_ROOT + "images/";
    public static final String FALLBACK_LOCALE = "en";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Optional<Flow>> flows = new ConcurrentHashMap<>();
    private final Flow fallback;

    private FlowLibrary() {
        this.fallback = find(FALLBACK_LOCALE).orElseThrow(() ->
                new IllegalStateException("no flow file " + RESOURCE_ROOT + FALLBACK_LOCALE + ".json on the class path"));
    }

    /** The flows this build ships, English checked now. */
    public static FlowLibrary standard() {
        return new FlowLibrary();
    }

    /** The flow for a locale such as {@code de}, {@code en-GB} or {@code en_US}, falling back to English. */
    public Flow forLocale(String locale) {
        if (locale == null) {
            return fallback;
        }
        String language = locale.replace('_', '-').toLowerCase(Locale.ROOT).split("-", 2)[0];
        return LANGUAGE.matcher(language).matches() ? find(language).orElse(fallback) : fallback;
    }

    private Optional<Flow> find(String language) {
        return flows.computeIfAbsent(language, this::read);
    }

    /** Reads and checks one language's file; a broken file is refused as a whole, never used in part. */
    private Optional<Flow> read(String language) {
        String resource = RESOURCE_ROOT + language + ".json";
        try (InputStream in = FlowLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Flow flow = mapper.readValue(in, Flow.class);
            List<String> problems = FlowCheck.problems(flow);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("flow " + resource + " is not usable: " + String.join("; ", problems));
            }
            return Optional.of(flow);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
