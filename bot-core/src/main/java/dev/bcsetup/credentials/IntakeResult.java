package dev.bcsetup.credentials;

import java.util.List;
import java.util.Objects;

/** The verdict of the instant checks on a credential form. */
public sealed interface IntakeResult {

    /** The form holds well-formed credentials, ready for live validation. */
    record Accepted(Credentials credentials) implements IntakeResult {
        public Accepted {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /** The form cannot be used yet; each problem says what is wrong and what to do. */
    record Rejected(List<FieldProblem> problems) implements IntakeResult {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }
    }
}
