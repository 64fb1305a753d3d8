package dev.bcsetup.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The merchant-facing sentences for problems, scope statuses and outcomes, in one language. */
public final class CredentialMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final MessageFile messages;

    private CredentialMessages(MessageFile messages) {
        this.messages = messages;
    }

    /** The messages for {@code locale}'s language, or English when there is no file for it. */
    public static CredentialMessages forLocale(Locale locale) {
        String resource = "credentials/messages-" + locale.getLanguage() + ".json";
        if (CredentialMessages.class.getClassLoader().getResource(resource) == null) {
            resource = "credentials/messages-en.json";
        }
        return load(resource);
    }

    /** Reads a message file from the class path; fails at once if any key is missing. */
    static CredentialMessages load(String resource) {
        try (InputStream in = CredentialMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message file not found on the class path: " + resource);
            }
            MessageFile file = new ObjectMapper().readValue(in, MessageFile.class);
            requireAll(resource, "problems", file.problems(), EnumSet.allOf(ProblemCode.class));
            requireAll(resource, "scopeStatuses", file.scopeStatuses(), EnumSet.allOf(ScopeStatus.class));
            requireAll(resource, "outcomes", file.outcomes(), EnumSet.allOf(Outcome.class));
            if (file.yourStore() == null || file.yourStore().isBlank()) {
                throw new IllegalStateException(resource + " has no text for yourStore");
            }
            return new CredentialMessages(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message file " + resource, e);
        }
    }

    /** The sentence for a problem, its placeholders filled in. */
    public String render(Problem problem) {
        return fill(messages.problems().get(problem.code().name()), problem.params());
    }

    /** The short label for a scope's status, e.g. for a table cell. */
    public String label(ScopeStatus status) {
        return messages.scopeStatuses().get(status.name());
    }

    /** The headline of a report; {@code {storeName}} is filled when the store is known. */
    public String headline(ValidationReport report) {
        String storeName = report.store().map(StoreInfo::name).orElse(messages.yourStore());
        return fill(messages.outcomes().get(report.outcome().name()), Map.of("storeName", storeName));
    }

    private static String fill(String template, Map<String, String> params) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = params.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void requireAll(String resource, String section, Map<String, String> entries,
                                   Set<? extends Enum<?>> keys) {
        if (entries == null) {
            throw new IllegalStateException(resource + " has no \"" + section + "\" section");
        }
        for (Enum<?> key : keys) {
            String text = entries.get(key.name());
            if (text == null || text.isBlank()) {
                throw new IllegalStateException(resource + " has no text for " + section + "." + key.name());
            }
        }
    }

    /** The shape of a message file. */
    record MessageFile(Map<String, String> problems, Map<String, String> scopeStatuses,
                       Map<String, String> outcomes, String yourStore) {
    }
}
