package dev.bcsetup.conversation;

import dev.bcsetup.conversation.StepView.MigrationChoice;
import dev.bcsetup.conversation.StepView.Option;
import dev.bcsetup.conversation.StepView.ScopeRow;
import dev.bcsetup.conversation.StepView.ScopeTable;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.Flow;
import dev.bcsetup.flow.Placeholders;
import dev.bcsetup.flow.ScopePlan;
import dev.bcsetup.flow.ScopeRequirement;
import dev.bcsetup.flow.Step;
import dev.bcsetup.flow.StepKind;
import dev.bcsetup.flow.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a session and its flow into the view of its current step. */
final class StepViews {

    private StepViews() {
    }

    static StepView of(Flow flow, Session session, String notice) {
        int index = session.step();
        Step step = flow.step(index);
        int number = index + 1;
        Direction direction = session.direction();
        return new StepView(
                step.id(),
                step.kind(),
                index,
                number,
                flow.size(),
                flow.text(Text.PROGRESS, "number", Integer.toString(number), "total", Integer.toString(flow.size())),
                step.title(),
                fill(flow, session, step.body()),
                step.pictureFor(direction),
                step.kind() == StepKind.MIGRATION ? Optional.of(migrationChoice(flow, session)) : Optional.empty(),
                step.kind() == StepKind.SCOPES && direction != null
                        ? Optional.of(scopeTable(flow, session)) : Optional.empty(),
                actions(flow, index),
                Optional.ofNullable(notice));
    }

    /** The step's help, with the same placeholders as its body. */
    static Reply.HelpShown help(Flow flow, Session session) {
        Step step = flow.step(session.step());
        return new Reply.HelpShown(flow.text(Text.HELP_TITLE, "step", step.title()), fill(flow, session, step.help()));
    }

    static String fill(Flow flow, Session session, String text) {
        Direction direction = session.direction();
        String access = direction == null ? "" : direction.access().controlPanelName();
        String suggestedName = flow.text(direction == Direction.FROM_BIGCOMMERCE
                ? Text.SUGGESTED_NAME_FROM : Text.SUGGESTED_NAME_TO);
        return Placeholders.fill(text, "access", access, "suggestedName", suggestedName);
    }

    private static MigrationChoice migrationChoice(Flow flow, Session session) {
        List<Option<Direction>> directions = List.of(
                new Option<>(Direction.TO_BIGCOMMERCE, flow.text(Text.LABEL_DIRECTION_TO),
                        session.direction() == Direction.TO_BIGCOMMERCE),
                new Option<>(Direction.FROM_BIGCOMMERCE, flow.text(Text.LABEL_DIRECTION_FROM),
                        session.direction() == Direction.FROM_BIGCOMMERCE));
        List<Option<DataSet>> dataSets = new ArrayList<>();
        for (DataSet dataSet : DataSet.values()) {
            dataSets.add(new Option<>(dataSet, label(flow, dataSet), session.dataSets().contains(dataSet)));
        }
        return new MigrationChoice(directions, dataSets);
    }

    static String label(Flow flow, DataSet dataSet) {
        return flow.text(switch (dataSet) {
            case PRODUCTS -> Text.LABEL_DATA_PRODUCTS;
            case CUSTOMERS -> Text.LABEL_DATA_CUSTOMERS;
            case ORDERS -> Text.LABEL_DATA_ORDERS;
        });
    }

    private static ScopeTable scopeTable(Flow flow, Session session) {
        ScopePlan plan = ScopePlan.forMigration(session.direction(), session.dataSets());
        List<ScopeRow> rows = new ArrayList<>();
        for (ScopeRequirement row : plan.rows()) {
            rows.add(new ScopeRow(
                    row.scope().controlPanelName(),
                    row.access().controlPanelName(),
                    row.required(),
                    flow.text(row.required() ? Text.LABEL_REQUIRED : Text.LABEL_OPTIONAL)));
        }
        return new ScopeTable(flow.text(Text.LABEL_SCOPE_COLUMN), flow.text(Text.LABEL_ACCESS_COLUMN),
                flow.text(Text.LABEL_NEEDED_COLUMN), rows);
    }

    private static List<Action> actions(Flow flow, int index) {
        List<Action> actions = new ArrayList<>();
        if (index > 0) {
            actions.add(new Action(new ActionRef(ActionKind.BACK, index), flow.text(Text.LABEL_BACK), Action.Style.DEFAULT));
        }
        if (index < flow.lastIndex()) {
            actions.add(new Action(new ActionRef(ActionKind.NEXT, index), flow.text(Text.LABEL_NEXT), Action.Style.PRIMARY));
        } else {
            actions.add(new Action(new ActionRef(ActionKind.OPEN_FORM, index), flow.text(Text.LABEL_OPEN_FORM),
                    Action.Style.PRIMARY));
        }
        actions.add(new Action(new ActionRef(ActionKind.HELP, index), flow.text(Text.LABEL_HELP), Action.Style.DEFAULT));
        actions.add(new Action(new ActionRef(ActionKind.STUCK, index), flow.text(Text.LABEL_STUCK), Action.Style.DEFAULT));
        if (index == flow.lastIndex()) {
            actions.add(new Action(new ActionRef(ActionKind.RESTART, index), flow.text(Text.LABEL_RESTART), Action.Style.DANGER));
        }
        return actions;
    }
}
