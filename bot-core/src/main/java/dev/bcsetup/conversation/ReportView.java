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
        List<Action> actions,
        Optional<Receipt> receipt) {

    public ReportView {
        scopes = List.copyOf(scopes);
        fixes = List.copyOf(fixes);
        notes = List.copyOf(notes);
        actions = List.copyOf(actions);
        receipt = receipt == null ? Optional.empty() : receipt;
    }

    public ReportView(boolean valid, String headline, Optional<String> store, String scopesHeader, List<ScopeLine> scopes,
                      List<String> fixes, List<String> notes, List<Action> actions) {
        this(valid, headline, store, scopesHeader, scopes, fixes, notes, actions, Optional.empty());
    }

    /**
     * The hand-off the merchant can quote: its reference, what happens next, and how to take access back
     * later. Every adapter shows it with the report (the reference prominently).
     */
    public record Receipt(String reference, String title, String next, String revoke) {
    }

    /** One scope of the plan: its control-panel name, the access needed, what was proven, and whether that is enough. */
    public record ScopeLine(String scope, String access, String status, boolean ok) {
    }
}
