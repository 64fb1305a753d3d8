package dev.bcsetup.conversation;

import java.util.List;
import java.util.Optional;

/** A validation report in the merchant's words: headline, the store, every scope, and what to fix. */
public record ReportView(
        boolean valid,
        String headline,
        Optional<String> store,
        String scopesHeader,
        List<ScopeLine> scopes,
        List<String> fixes,
        List<String> notes,
        List<Action> actions) {

    public ReportView {
        scopes = List.copyOf(scopes);
        fixes = List.copyOf(fixes);
        notes = List.copyOf(notes);
        actions = List.copyOf(actions);
    }

    /** One scope of the plan: its control-panel name, the access needed, what was proven, and whether that is enough. */
    public record ScopeLine(String scope, String access, String status, boolean ok) {
    }
}
