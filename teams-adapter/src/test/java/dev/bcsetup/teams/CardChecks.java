package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every card the bot sends must satisfy: the Adaptive Card 1.5 schema (copied into the repository under
 * {@code manifest/schemas/}) and the limits Teams applies: version at most 1.5, a message at most 40 KB,
 * images over https as PNG or JPEG with alt text.
 */
public final class CardChecks {

    private static final int MAX_MESSAGE_BYTES = 40 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private CardChecks() {
    }

    /** Fails the test, naming every problem, unless {@code card} would be accepted and shown by Teams. */
    public static void assertTeamsAccepts(JsonNode card) {
        Set<ValidationMessage> problems = SCHEMA.validate(card);
        assertThat(problems).as("schema problems in %s", card).isEmpty();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(Double.parseDouble(card.path("version").asText())).isLessThanOrEqualTo(1.5);
        byte[] message;
        try {
            message = JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "message")
                    .set("attachments", JSON.createArrayNode().add(JSON.createObjectNode()
                            .put("contentType", AdaptiveCards.CONTENT_TYPE).set("content", card))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(message.length).as("message size").isLessThanOrEqualTo(MAX_MESSAGE_BYTES);
        for (JsonNode image : elements(card, "Image")) {
            assertThat(image.path("url").asText()).startsWith("https://").matches("(?i).*\\.(png|jpe?g)$");
            assertThat(image.path("altText").asText()).isNotBlank();
        }
    }

    /** The schema's complaints about {@code card}, none when it is valid. */
    public static Set<ValidationMessage> schemaProblems(JsonNode card) {
        return SCHEMA.validate(card);
    }

    /** Every element of the given type anywhere in the card. */
    public static List<JsonNode> elements(JsonNode node, String type) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, type, found);
        return found;
    }

    private static void collect(JsonNode node, String type, List<JsonNode> found) {
        if (node.isObject() && type.equals(node.path("type").asText())) {
            found.add(node);
        }
        node.forEach(child -> collect(child, type, found));
    }

    private static JsonSchema load() {
        Path path = repositoryRoot().resolve("manifest/schemas/adaptive-card-1.5.schema.json");
        try (InputStream in = Files.newInputStream(path)) {
            ObjectNode schema = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            // The official file names itself with draft-04's "id" while declaring draft-06, whose keyword is "$id".
            if (schema.has("id") && !schema.has("$id")) {
                schema.set("$id", schema.remove("id"));
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** The repository root, from the module folder Maven runs tests in. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("manifest/schemas"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("no manifest/schemas above " + Path.of("").toAbsolutePath());
        }
        return here;
    }
}
