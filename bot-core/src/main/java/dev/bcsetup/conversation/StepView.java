package dev.bcsetup.conversation;

import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.Picture;
import dev.bcsetup.flow.StepKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a platform needs to draw one step: progress, text with placeholders filled, picture,
 * the choices or scope table the step carries, its buttons, and a notice about what just happened.
 */
public record StepView(
        String stepId,
        StepKind kind,
        int index,
        int number,
        int total,
        String progress,
        String title,
        String body,
        Picture picture,
        Optional<MigrationChoice> migration,
        Optional<ScopeTable> scopes,
        List<Action> actions,
        Optional<String> notice) {

    public StepView {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(notice, "notice");
        actions = List.copyOf(actions);
    }

    /** The button that picks a direction on this step. */
    public ActionRef choose(Direction direction) {
        return new ActionRef(ActionKind.CHOOSE_DIRECTION, index, direction.name());
    }

    /** The same step with a different notice. */
    public StepView withNotice(String text) {
        return new StepView(stepId, kind, index, number, total, progress, title, body, picture,
                migration, scopes, actions, Optional.ofNullable(text));
    }

    /** The first step's question: which way, and which data (ticked ones are selected). */
    public record MigrationChoice(List<Option<Direction>> directions, List<Option<DataSet>> dataSets) {
        public MigrationChoice {
            directions = List.copyOf(directions);
            dataSets = List.copyOf(dataSets);
        }
    }

    /** One answer to a question, and whether it is the current one. */
    public record Option<T>(T value, String label, boolean selected) {
    }

    /** The merchant's exact scope table, headed in the merchant's language. */
    public record ScopeTable(String scopeHeader, String accessHeader, String neededHeader, List<ScopeRow> rows) {
        public ScopeTable {
            rows = List.copyOf(rows);
        }
    }

    /** One line of the scope table: the control panel's name for the scope and what to set it to. */
    public record ScopeRow(String scope, String access, boolean required, String needed) {
    }
}
