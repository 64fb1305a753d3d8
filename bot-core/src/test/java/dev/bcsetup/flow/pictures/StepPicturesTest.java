package dev.bcsetup.flow.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepPicturesTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final List<String> STEP_FILES = List.of("overview.png", "open-api-accounts.png",
            "token-type.png", "account-name.png", "scopes-modify.png", "scopes-read-only.png",
            "save-and-copy.png", "hand-over.png");

    @TempDir
    static Path out;

    @BeforeAll
    static void drawEverything() {
        StepPictures.writeAll(out.resolve("steps"), out.resolve("teams"), out.resolve("docs"));
    }

    @Test
    void drawsEveryStepPictureWithinSlackAndTeamsLimits() throws IOException {
        for (String name : STEP_FILES) {
            Path file = out.resolve("steps").resolve(name);
            BufferedImage image = readPng(file);
            assertThat(image.getWidth()).as(name).isBetween(760, 1024);
            assertThat(image.getHeight()).as(name).isLessThanOrEqualTo(1024);
            assertThat(Files.size(file)).as(name).isLessThanOrEqualTo(300 * 1024);
        }
        try (var files = Files.list(out.resolve("steps"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(STEP_FILES);
        }
    }

    @Test
    void drawsTheTeamsColourIconAt192Pixels() throws IOException {
        BufferedImage color = readPng(out.resolve("teams/color.png"));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
    }

    @Test
    void drawsTheTeamsOutlineIconAt32PixelsInWhiteOnTransparent() throws IOException {
        BufferedImage outline = readPng(out.resolve("teams/outline.png"));
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        int transparent = 0;
        int opaque = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
                    opaque += alpha == 255 ? 1 : 0;
                }
            }
        }
        assertThat(transparent).as("transparent background").isGreaterThan(32 * 32 / 2);
        assertThat(opaque).as("a visible symbol").isGreaterThan(40);
    }

    @Test
    void drawsTheReadmeFlowDiagramAtMost1200PixelsWide() throws IOException {
        Path file = out.resolve("docs/flow.png");
        BufferedImage flow = readPng(file);
        assertThat(flow.getWidth()).isLessThanOrEqualTo(1200);
        assertThat(flow.getHeight()).isLessThanOrEqualTo(1200);
        assertThat(Files.size(file)).isLessThanOrEqualTo(300 * 1024);
    }

    private static BufferedImage readPng(Path file) throws IOException {
        assertThat(file).exists();
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(PNG_SIGNATURE.length)).as(file + " signature").isEqualTo(PNG_SIGNATURE);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file + " decodes").isNotNull();
        return image;
    }
}
