package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsAppPackageTest {

    private static final String APP_ID = "0b6b2f0e-4c1e-4d7e-9a57-6c3b1f2f7a10";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path folder = CardChecks.repositoryRoot().resolve("manifest/teams");

    @Test
    void packageHoldsAValidManifestAndBothIconsWithoutFolders(@TempDir Path out) throws Exception {
        Path zip = out.resolve("teams-app.zip");
        TeamsAppPackage.write(folder, APP_ID, "https://bot.example.org", zip);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");

        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifestSchema().validate(manifest)).isEmpty();
        for (String field : new String[] {"manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor"}) {
            assertThat(manifest.has(field)).as(field).isTrue();
        }
        assertThat(manifest.path("manifestVersion").asText()).isBetween("1.16", "1.29");
        assertThat(manifest.toString()).doesNotContain("{{");
        JsonNode bot = manifest.path("bots").path(0);
        assertThat(bot.path("botId").asText()).isEqualTo(APP_ID).isEqualTo(manifest.path("id").asText());
        assertThat(JSON.convertValue(bot.path("scopes"), String[].class)).containsExactlyInAnyOrder("personal", "team", "groupChat");
        assertThat(bot.path("commandLists")).isNotEmpty();
        assertThat(manifest.path("validDomains").toString()).contains("bot.example.org");

        BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get(manifest.path("icons").path("color").asText())));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get(manifest.path("icons").path("outline").asText())));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
    }

    @Test
    void theSchemaCheckCatchesAMissingBotId() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(TeamsAppPackage.manifest(folder, APP_ID, "https://bot.example.org"));
        ((ObjectNode) manifest.path("bots").path(0)).put("botId", "not-a-guid");
        assertThat(manifestSchema().validate(manifest)).isNotEmpty();
    }

    /**
     * The official manifest schema (draft-04). One of its patterns, for Office add-in files this bot never
     * has, writes a backspace as {@code \b} inside a character class: ECMA-262 allows that, java.util.regex
     * does not, so it is spelled {@code \x08} here.
     */
    private static JsonSchema manifestSchema() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(CardChecks.repositoryRoot()
                .resolve("manifest/schemas/teams-manifest-1.29.schema.json").toFile());
        javaPatterns(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    private static void javaPatterns(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("pattern").isTextual()) {
            object.put("pattern", object.path("pattern").asText().replace("\\b", "\\x08"));
        }
        node.forEach(TeamsAppPackageTest::javaPatterns);
    }

    @Test
    void refusesAnAppIdThatIsNotAGuidAndAPublicUrlThatIsNotHttps() {
        assertThatThrownBy(() -> TeamsAppPackage.manifest(folder, "my-bot", "https://bot.example.org"))
                .hasMessageContaining("MICROSOFT_APP_ID");
        assertThatThrownBy(() -> TeamsAppPackage.manifest(folder, APP_ID, "http://bot.example.org"))
                .hasMessageContaining("PUBLIC_BASE_URL");
    }
}
