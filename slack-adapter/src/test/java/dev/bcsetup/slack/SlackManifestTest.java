package dev.bcsetup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Slack app manifest installs the app as it is: valid against Slack's schema, and naming what the code uses. */
class SlackManifestTest {

    private static final Path MANIFEST = Path.of("../manifest/slack/manifest.yml");
    private static final Path SCHEMA = Path.of("../manifest/schemas/slack-manifest-1.0.0.schema.json");

    private static JsonNode manifest() throws IOException {
        return new YAMLMapper().readTree(MANIFEST.toFile());
    }

    @Test
    void isValidAgainstSlacksManifestSchema() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(Files.readString(SCHEMA)));
        Set<ValidationMessage> problems = schema.validate(manifest());
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaCatchesAMistake() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(Files.readString(SCHEMA)));
        com.fasterxml.jackson.databind.node.ObjectNode broken = (com.fasterxml.jackson.databind.node.ObjectNode) manifest();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("display_information")).put("name", "");
        broken.put("no_such_section", true);
        assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void declaresTheCommandEventsAndOneRequestUrlForEverything() throws IOException {
        JsonNode manifest = manifest();
        JsonNode command = manifest.path("features").path("slash_commands").get(0);
        assertThat(command.path("command").asText()).isEqualTo(SlackTexts.COMMAND);
        List<String> urls = List.of(command.path("url").asText(),
                manifest.path("settings").path("interactivity").path("request_url").asText(),
                manifest.path("settings").path("event_subscriptions").path("request_url").asText());
        assertThat(urls).allMatch(url -> url.equals("https://bot.example.com/slack/events"));
        List<String> events = new ArrayList<>();
        manifest.path("settings").path("event_subscriptions").path("bot_events").forEach(e -> events.add(e.asText()));
        assertThat(events).containsExactlyInAnyOrder("app_home_opened", "app_uninstalled", "tokens_revoked");
        List<String> scopes = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactlyInAnyOrder("commands", "chat:write", "im:write", "usergroups:read", "files:write");
        assertThat(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean()).isTrue();
    }
}
