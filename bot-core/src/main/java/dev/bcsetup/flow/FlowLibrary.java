package dev.bcsetup.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flow in every locale the product ships, read from {@code flow/{locale}.json} on the class path.
 * English is the fallback for a locale without its own file.
 */
public final class FlowLibrary {

    /** Where the flow files and their pictures live on the class path. */
    public static final String RESOURCE_ROOT = "flow/";
    public static final String IMAGE_ROOT = RESOURCE_ROOT + "images/";
    public static final String FALLBACK_LOCALE = "en";

    private final Map<String, Flow> flows;

    private FlowLibrary(Map<String, Flow> flows) {
        this.flows = Map.copyOf(flows);
    }

    /** Loads and checks the flow files of the given locales; a broken file fails here, not mid-conversation. */
    public static FlowLibrary load(List<String> locales) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (String locale : locales) {
            Flow flow = read(mapper, locale);
            List<String> problems = FlowCheck.problems(flow);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("flow " + locale + " is not usable: " + String.join("; ", problems));
            }
            flows.put(locale, flow);
        }
        if (!flows.containsKey(FALLBACK_LOCALE)) {
            throw new IllegalArgumentException("the " + FALLBACK_LOCALE + " flow is required as the fallback");
        }
        return new FlowLibrary(flows);
    }

    /** The flows this build ships. */
    public static FlowLibrary standard() {
        return load(List.of(FALLBACK_LOCALE));
    }

    /** The flow for a locale such as {@code en-GB} or {@code en_US}, falling back to English. */
    public Flow forLocale(String locale) {
        if (locale != null) {
            String normalised = locale.replace('_', '-').toLowerCase(Locale.ROOT);
            Flow exact = flows.get(normalised);
            if (exact != null) {
                return exact;
            }
            int dash = normalised.indexOf('-');
            if (dash > 0 && flows.containsKey(normalised.substring(0, dash))) {
                return flows.get(normalised.substring(0, dash));
            }
        }
        return flows.get(FALLBACK_LOCALE);
    }

    public List<Flow> all() {
        return new ArrayList<>(flows.values());
    }

    private static Flow read(ObjectMapper mapper, String locale) {
        String resource = RESOURCE_ROOT + locale + ".json";
        try (InputStream in = FlowLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no flow file " + resource + " on the class path");
            }
            return mapper.readValue(in, Flow.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
