package dev.bcsetup.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The exact scope table for one migration: what to tick, in the control panel's order. */
public record ScopePlan(Direction direction, List<ScopeRequirement> rows) {

    public ScopePlan {
        Objects.requireNonNull(direction, "direction");
        rows = List.copyOf(rows);
    }

    /**
     * Every scope in control-panel order. Scopes tied to a data set the merchant did not choose are
     * optional: ticking them does no harm and saves a new account if the migration grows later.
     */
    public static ScopePlan forMigration(Direction direction, Set<DataSet> dataSets) {
        List<ScopeRequirement> rows = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            boolean required = scope.dataSet().map(dataSets::contains).orElse(true);
            rows.add(new ScopeRequirement(scope, direction.access(), required));
        }
        return new ScopePlan(direction, rows);
    }

    /** The rows the migration cannot do without. */
    public List<ScopeRequirement> required() {
        return rows.stream().filter(ScopeRequirement::required).toList();
    }
}
