package dev.bcsetup.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a live validation, free of any chat platform's types. {@code fixes} hold one line
 * per thing the merchant must do; {@code notes} are worth knowing but need no action.
 */
public record ValidationReport(Outcome outcome, Optional<StoreInfo> store, List<ScopeCheck> scopes,
                               List<Problem> fixes, List<Problem> notes, Duration elapsed) {

    public ValidationReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(store, "store");
        scopes = List.copyOf(scopes);
        fixes = List.copyOf(fixes);
        notes = List.copyOf(notes);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the credentials can be handed to the migration team. */
    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
