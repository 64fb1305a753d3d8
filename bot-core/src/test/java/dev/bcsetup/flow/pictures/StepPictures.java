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
 * <p>Regenerate everything from the repository root with
 * <pre>
 * mvn -q -pl bot-core test-compile exec:java -Dexec.mainClass=dev.bcsetup.flow.pictures.StepPictures -Dexec.classpathScope=test
 * </pre>
 * (run {@code mvn -B -q install -DskipTests} once first so the reactor resolves).
 * Optional arguments choose the output folders, relative to the working directory:
 * {@code [steps] [teams-icons] [docs]}, by default {@code bot-core/src/main/resources/flow/images},
 * {@code manifest/teams} and {@code docs}.
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
