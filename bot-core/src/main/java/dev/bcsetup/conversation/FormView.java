package dev.bcsetup.conversation;

import dev.bcsetup.credentials.Field;
import java.util.List;
import java.util.Optional;

/**
 * The secure credential form, free of any platform: its fields in order, each with a label, a hint and,
 * after a rejected submission, what is wrong with it. It never carries a value the merchant typed.
 */
public record FormView(String title, String intro, List<FormField> fields, String submitLabel, String privacyNote) {

    public FormView {
        fields = List.copyOf(fields);
    }

    /** Whether any field has a problem to show. */
    public boolean hasErrors() {
        return fields.stream().anyMatch(f -> f.error().isPresent());
    }

    /** One input: {@code secret} fields are masked where the platform can, {@code multiline} take the .txt file. */
    public record FormField(Field field, String label, String hint, boolean secret, boolean multiline,
                            Optional<String> error) {
    }
}
