package dev.bcsetup.conversation;

import dev.bcsetup.conversation.FormView.FormField;
import dev.bcsetup.conversation.ReportView.ScopeLine;
import dev.bcsetup.credentials.CredentialMessages;
import dev.bcsetup.credentials.Field;
import dev.bcsetup.credentials.FieldProblem;
import dev.bcsetup.credentials.ScopeCheck;
import dev.bcsetup.credentials.ScopeStatus;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.flow.Flow;
import dev.bcsetup.flow.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the credential form and the validation report in the merchant's language. */
final class CredentialViews {

    private CredentialViews() {
    }

    static FormView form(Flow flow, CredentialMessages messages, List<FieldProblem> problems) {
        Map<Field, String> errors = new EnumMap<>(Field.class);
        for (FieldProblem problem : problems) {
            errors.merge(problem.field(), messages.render(problem.problem()), (a, b) -> a + " " + b);
        }
        List<FormField> fields = List.of(
                field(Field.API_PATH, flow.text(Text.FORM_API_PATH), flow.text(Text.FORM_API_PATH_HINT), false, false, errors),
                field(Field.CLIENT_ID, flow.text(Text.FORM_CLIENT_ID), flow.text(Text.FORM_CLIENT_ID_HINT), false, false, errors),
                field(Field.ACCESS_TOKEN, flow.text(Text.FORM_ACCESS_TOKEN), flow.text(Text.FORM_ACCESS_TOKEN_HINT), true, false,
                        errors),
                field(Field.PASTED_FILE, flow.text(Text.FORM_FILE), flow.text(Text.FORM_FILE_HINT), true, true, errors));
        return new FormView(flow.text(Text.FORM_TITLE), flow.text(Text.FORM_INTRO), fields, flow.text(Text.FORM_SUBMIT),
                flow.text(Text.FORM_PRIVACY));
    }

    static ReportView report(Flow flow, CredentialMessages messages, ValidationReport report, int lastStep) {
        return report(flow, messages, report, lastStep, Optional.empty());
    }

    static ReportView report(Flow flow, CredentialMessages messages, ValidationReport report, int lastStep,
                             Optional<String> handOffReference) {
        Optional<String> store = report.store().map(s -> flow.text(Text.REPORT_STORE,
                "name", s.name(), "domain", s.domain(), "plan", s.planName(), "status", s.status()));
        List<ScopeLine> scopes = new ArrayList<>();
        for (ScopeCheck check : report.scopes()) {
            boolean ok = check.status() == ScopeStatus.GRANTED || !check.blocksMigration()
                    && check.status() != ScopeStatus.NOT_CHECKED;
            scopes.add(new ScopeLine(check.scope().controlPanelName(), check.needed().controlPanelName(),
                    messages.label(check.status()), ok));
        }
        List<String> fixes = report.fixes().stream().map(messages::render).toList();
        List<String> notes = new ArrayList<>(report.notes().stream().map(messages::render).toList());
        List<Action> actions = new ArrayList<>();
        if (report.valid()) {
            notes.add(0, flow.text(Text.VALIDATED_NEXT));
        } else {
            actions.add(new Action(new ActionRef(ActionKind.OPEN_FORM, lastStep), flow.text(Text.LABEL_TRY_AGAIN),
                    Action.Style.PRIMARY));
            actions.add(new Action(new ActionRef(ActionKind.STUCK, lastStep), flow.text(Text.LABEL_STUCK),
                    Action.Style.DEFAULT));
        }
        Optional<ReportView.Receipt> receipt = handOffReference.filter(r -> report.valid()).map(reference ->
                new ReportView.Receipt(reference, flow.text(Text.RECEIPT_TITLE, "reference", reference),
                        flow.text(Text.RECEIPT_NEXT), flow.text(Text.RECEIPT_REVOKE)));
        return new ReportView(report.valid(), messages.headline(report), store, flow.text(Text.REPORT_SCOPES), scopes,
                fixes, notes, actions, receipt);
    }


    private static FormField field(Field field, String label, String hint, boolean secret, boolean multiline,
                                   Map<Field, String> errors) {
        return new FormField(field, label, hint, secret, multiline, Optional.ofNullable(errors.get(field)));
    }
}
