package dev.bcsetup.credentials;

import java.util.Objects;

/** A problem found in one field of the credential form, before anything is sent to BigCommerce. */
public record FieldProblem(Field field, Problem problem) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    static FieldProblem of(Field field, ProblemCode code) {
        return new FieldProblem(field, Problem.of(code));
    }

    static FieldProblem of(Field field, ProblemCode code, String name, String value) {
        return new FieldProblem(field, Problem.of(code, name, value));
    }

    /** The problem's code, for a {@code switch} or a test. */
    public ProblemCode code() {
        return problem.code();
    }
}
