package dev.bcsetup.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The build-time check of the shipped flow data: text, pictures and alt text for every step, within limits. */
class FlowDataTest {

    /** Teams' card image limits, which are tighter than Slack's. */
    private static final int MAX_SIDE = 1024;
    private static final int MAX_BYTES = 300 * 1024;

    private final FlowLibrary library = FlowLibrary.standard();

    /** Every language file in the source tree, so a new one is checked the moment it is added. */
    private List<Flow> shippedFlows() throws IOException {
        List<Flow> flows = new ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/flow"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String language = file.getFileName().toString().replace(".json", "");
                Flow flow = library.forLocale(language);
                assertThat(flow.locale()).as("%s loads as its own language", file).isEqualTo(language);
                flows.add(flow);
            }
        }
        assertThat(flows).extracting(Flow::locale).contains("en");
        return flows;
    }

    @Test
    void everyShippedFlowPassesTheFlowCheck() throws IOException {
        for (Flow flow : shippedFlows()) {
            assertThat(FlowCheck.problems(flow)).as("flow %s", flow.locale()).isEmpty();
        }
    }

    @Test
    void theEnglishFlowHasTheSevenStepsOfTheGuideInOrder() {
        Flow flow = library.forLocale("en");

        assertThat(flow.steps()).extracting(Step::id).containsExactly(
                "migration", "open-api-accounts", "token-type", "account-name", "scopes", "save-and-copy", "hand-over");
    }

    @Test
    void everyPictureIsAPngWithinTheLimitsOfBothPlatforms() throws IOException {
        for (String file : pictureFiles()) {
            byte[] bytes = read(FlowLibrary.IMAGE_ROOT + file);
            assertThat(bytes.length).as("%s size", file).isLessThanOrEqualTo(MAX_BYTES);
            assertThat(bytes).as("%s signature", file).startsWith(0x89, 'P', 'N', 'G');
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            assertThat(image).as("%s decodes", file).isNotNull();
            assertThat(image.getWidth()).as("%s width", file).isBetween(360, MAX_SIDE);
            assertThat(image.getHeight()).as("%s height", file).isBetween(100, MAX_SIDE);
        }
    }

    @Test
    void theScopeStepHasAPictureForEachDirection() {
        Step scopes = library.forLocale("en").steps().stream()
                .filter(s -> s.kind() == StepKind.SCOPES).findFirst().orElseThrow();

        assertThat(scopes.pictureFor(Direction.TO_BIGCOMMERCE).file()).isEqualTo("scopes-modify.png");
        assertThat(scopes.pictureFor(Direction.FROM_BIGCOMMERCE).file()).isEqualTo("scopes-read-only.png");
    }

    @Test
    void aLocaleIsFoundByLanguageAndFallsBackToEnglish() {
        assertThat(library.forLocale("en-GB").locale()).isEqualTo("en");
        assertThat(library.forLocale("en_US").locale()).isEqualTo("en");
        assertThat(library.forLocale("fr-FR").locale()).isEqualTo("en");
        assertThat(library.forLocale(null).locale()).isEqualTo("en");
        assertThat(library.forLocale("../../etc").locale()).isEqualTo("en");
    }

    @Test
    void theCheckNamesEveryBrokenRule() {
        Flow good = library.forLocale("en");
        List<Step> steps = new ArrayList<>(good.steps());
        Step first = steps.get(0);
        steps.set(0, new Step(first.id(), StepKind.INSTRUCTION, " ", first.body(), "",
                new Picture("missing.png", "short"), Map.of()));
        steps.set(2, new Step(steps.get(1).id(), StepKind.INSTRUCTION, "t", "b", "h", steps.get(1).picture(), Map.of()));
        Map<Text, String> texts = new java.util.EnumMap<>(good.texts());
        texts.remove(Text.WELCOME);

        List<String> problems = FlowCheck.problems(new Flow("xx", steps, texts));

        assertThat(problems).contains(
                "text WELCOME is missing",
                "the first step must be of kind MIGRATION",
                "step 0 (migration) has no title",
                "step 0 (migration) has no help",
                "step 0 (migration): picture missing.png needs alt text of 20+ characters",
                "step 0 (migration): picture missing.png is not under flow/images/",
                "step 2 (open-api-accounts) repeats an id");
    }

    private Set<String> pictureFiles() throws IOException {
        Set<String> files = new LinkedHashSet<>();
        for (Flow flow : shippedFlows()) {
            for (Step step : flow.steps()) {
                files.add(step.picture().file());
                step.pictureByDirection().values().forEach(p -> files.add(p.file()));
            }
        }
        return files;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = FlowDataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
