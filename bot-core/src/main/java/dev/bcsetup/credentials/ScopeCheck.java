package dev.bcsetup.credentials;

import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;

/** One row of the report: a scope of the plan, the access it needs, and what was proven. */
public record ScopeCheck(Scope scope, Access needed, boolean required, ScopeStatus status) {

    /** Whether this row stops the migration: a required scope not proven to be usable. */
    public boolean blocksMigration() {
        return required && (status == ScopeStatus.MISSING || status == ScopeStatus.READ_ONLY);
    }
}
