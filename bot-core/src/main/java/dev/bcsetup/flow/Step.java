package dev.bcsetup.flow;

import java.util.Map;
import java.util.Objects;

/**
 * One step of the guided flow, as written in the locale's flow file. The body and help use a small
 * markup every renderer understands: paragraphs split by blank lines, lines starting with "- " as
 * bullets, and {@code **bold**} for names the merchant sees on screen.
 */
public record Step(
        String id,
        StepKind kind,
        String title,
        String body,
        String help,
        Picture picture,
        Map<Direction, Picture> pictureByDirection) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        pictureByDirection = pictureByDirection == null ? Map.of() : Map.copyOf(pictureByDirection);
    }

    /** The picture for this merchant: a direction-specific one when the step has it. */
    public Picture pictureFor(Direction direction) {
        if (direction != null && pictureByDirection.containsKey(direction)) {
            return pictureByDirection.get(direction);
        }
        return picture;
    }
}
