package dev.bcsetup.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a flow file must follow for the conversation to work; each broken rule is one readable line. */
public final class FlowCheck {

    /** Alt text shorter than this says too little to a screen-reader user. */
    static final int MIN_ALT_LENGTH = 20;

    private FlowCheck() {
    }

    public static List<String> problems(Flow flow) {
        List<String> problems = new ArrayList<>();
        for (Text key : Text.values()) {
            if (isBlank(flow.texts().get(key))) {
                problems.add("text " + key + " is missing");
            }
        }
        List<Step> steps = flow.steps();
        if (steps.size() < 2) {
            problems.add("a flow needs at least a first and a last step");
            return problems;
        }
        if (steps.get(0).kind() != StepKind.MIGRATION) {
            problems.add("the first step must be of kind MIGRATION");
        }
        if (steps.get(steps.size() - 1).kind() != StepKind.HAND_OVER) {
            problems.add("the last step must be of kind HAND_OVER");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String where = "step " + i + " (" + step.id() + ")";
            if (!ids.add(step.id())) {
                problems.add(where + " repeats an id");
            }
            if ((step.kind() == StepKind.MIGRATION && i != 0)
                    || (step.kind() == StepKind.HAND_OVER && i != steps.size() - 1)) {
                problems.add(where + " has a kind that belongs to the first or last step");
            }
            if (isBlank(step.title())) {
                problems.add(where + " has no title");
            }
            if (isBlank(step.body())) {
                problems.add(where + " has no text");
            }
            if (isBlank(step.help())) {
                problems.add(where + " has no help");
            }
            if (step.picture() == null) {
                problems.add(where + " has no picture");
            } else {
                checkPicture(step.picture(), where, problems);
            }
            step.pictureByDirection().forEach((direction, picture) ->
                    checkPicture(picture, where + " for " + direction, problems));
        }
        return problems;
    }

    private static void checkPicture(Picture picture, String where, List<String> problems) {
        if (!picture.file().matches("[a-z0-9-]+\\.png")) {
            problems.add(where + ": picture " + picture.file() + " must be a lower-case .png name");
        }
        if (picture.alt().strip().length() < MIN_ALT_LENGTH) {
            problems.add(where + ": picture " + picture.file() + " needs alt text of " + MIN_ALT_LENGTH + "+ characters");
        }
        if (FlowCheck.class.getClassLoader().getResource(FlowLibrary.IMAGE_ROOT + picture.file()) == null) {
            problems.add(where + ": picture " + picture.file() + " is not under " + FlowLibrary.IMAGE_ROOT);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
