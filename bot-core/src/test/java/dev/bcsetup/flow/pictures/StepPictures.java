package dev.bcsetup.flow.pictures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the guided flow's step pictures, the Teams app icons and the README's flow diagram.
 *
 * <p>Regenerate them all from the repository root (after {@code mvn -B -q install -DskipTests} once,
 * so the reactor resolves) with:
 * <pre>
 * mvn -q -pl bot-core test-compile exec:java -Dexec.mainClass=dev.bcsetup.flow.pictures.StepPictures -Dexec.classpathScope=test
 * </pre>
 * The output folders are arguments, relative to the working directory, each with a default:
 * {@code args[0]} step pictures ({@value #STEPS}), {@code args[1]} Teams icons ({@value #TEAMS_ICONS}),
 * {@code args[2]} the README diagram ({@value #DOCS}); pass them with {@code -Dexec.args="a b c"}.
 * The drawing is deterministic, so unchanged pictures regenerate byte for byte.
 */
public final class StepPictures {

    static final String STEPS = "bot-core/src/main/resources/flow/images";
    static final String TEAMS_ICONS = "manifest/teams";
    static final String DOCS = "docs";

    private StepPictures() {
    }

    public static void main(String[] args) {
        Path steps = Path.of(args.length > 0 ? args[0] : STEPS);
        Path icons = Path.of(args.length > 1 ? args[1] : TEAMS_ICONS);
        Path docs = Path.of(args.length > 2 ? args[2] : DOCS);
        for (Path written : writeAll(steps, icons, docs)) {
            System.out.println("wrote " + written);
        }
    }

    /** Draws every picture into its folder and returns the files written. */
    static List<Path> writeAll(Path steps, Path icons, Path docs) {
        List<Path> written = new ArrayList<>();
        for (Picture picture : StepScreens.all()) {
            written.add(write(picture, steps));
        }
        for (Picture picture : AppIcons.all()) {
            written.add(write(picture, icons));
        }
        written.add(write(FlowDiagram.picture(), docs));
        return written;
    }

    private static Path write(Picture picture, Path folder) {
        Path file = folder.resolve(picture.fileName());
        try {
            Files.createDirectories(folder);
            if (!ImageIO.write(picture.render(), "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
