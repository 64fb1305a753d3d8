package dev.bcsetup.flow;

/** One row of the scope table a merchant fills in: the scope, the access to tick, and whether it is needed. */
public record ScopeRequirement(Scope scope, Access access, boolean required) {
}
