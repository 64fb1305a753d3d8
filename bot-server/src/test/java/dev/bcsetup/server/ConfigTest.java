package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    private static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";

    private static Config parse(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return Config.from(Settings.of(env));
    }

    @Test
    void runsInLocalModeOnThisMachineWithNothingSet() {
        Config config = parse();

        assertThat(config.port()).isEqualTo(3978);
        assertThat(config.localMode()).isTrue();
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.bigCommerceApiUrl()).isEqualTo(URI.create("https://api.bigcommerce.com"));
        assertThat(config.slack()).isEmpty();
        assertThat(config.teams()).isEmpty();
        assertThat(config.engineers()).isEmpty();
    }

    @Test
    void aPublicUrlLeavesLocalModeAndListensOnEveryInterface() {
        Config config = parse("PUBLIC_BASE_URL", "https://bot.example.com/", "CREDENTIALS_KEY", TestConfig.TEST_KEY);

        assertThat(config.localMode()).isFalse();
        assertThat(config.publicBaseUrl()).contains(URI.create("https://bot.example.com"));
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void readsEveryPartWhenWellFormed() {
        Config config = parse(
                "PORT", "8080",
                "SLACK_BOT_TOKEN", "xoxb-test-not-real",
                "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_APP_TOKEN", "xapp-test-not-real",
                "MICROSOFT_APP_ID", "11111111-2222-3333-4444-555555555555",
                "MICROSOFT_APP_PASSWORD", "pw",
                "MICROSOFT_APP_TYPE", "SingleTenant",
                "MICROSOFT_APP_TENANT_ID", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
                "BIGCOMMERCE_API_URL", "http://127.0.0.1:9999",
                "HANDOFF_SLACK_CHANNEL", "C0123ABCD",
                "HANDOFF_WEBHOOK_URL", "https://migrations.example.com/hooks/bc",
                "HANDOFF_WEBHOOK_SECRET", "0123456789abcdef-secret",
                "ENGINEERS", "U012ABC, S0GROUP1 aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.slack()).get().satisfies(s -> assertThat(s.appToken()).isPresent());
        assertThat(config.teams()).get().satisfies(t -> assertThat(t.tenantId()).isPresent());
        assertThat(config.bigCommerceApiUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(config.handoffWebhook()).isPresent();
        assertThat(config.engineers()).containsExactlyInAnyOrder("U012ABC", "S0GROUP1", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "PORT|abc|PORT must be a number from 0 to 65535",
        "PORT|70000|PORT must be a number from 0 to 65535",
        "PUBLIC_BASE_URL|http://bot.example.com|PUBLIC_BASE_URL must use https",
        "PUBLIC_BASE_URL|https://bot.example.com/slack|PUBLIC_BASE_URL must be an origin",
        "PUBLIC_BASE_URL|not a url|PUBLIC_BASE_URL must be an absolute http(s) URL",
        "DATABASE_URL|postgres://db/bot|DATABASE_URL must be a JDBC URL",
        "BIGCOMMERCE_API_URL|ftp://api.bigcommerce.com|BIGCOMMERCE_API_URL must be an absolute http(s) URL",
        "HANDOFF_SLACK_CHANNEL|#migrations|HANDOFF_SLACK_CHANNEL must be a Slack channel ID",
        "ENGINEERS|U1;DROP TABLE|ENGINEERS must be a comma-separated list",
        "MICROSOFT_APP_PASSWORD|pw|MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not",
        "HANDOFF_WEBHOOK_SECRET|0123456789abcdef|HANDOFF_WEBHOOK_SECRET is set but HANDOFF_WEBHOOK_URL is not",
        "SLACK_APP_TOKEN|xapp-1|SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not",
        "CREDENTIALS_KEY|k1:c2hvcnQ=|CREDENTIALS_KEY is malformed: key k1 must be 32 bytes",
        "CREDENTIALS_KEY|just-a-password|CREDENTIALS_KEY is malformed: each key must be written as id:base64key",
        "HANDOFF_RETENTION_DAYS|0|HANDOFF_RETENTION_DAYS must be a whole number from 1 to 3650",
        "HANDOFF_RETENTION_DAYS|a month|HANDOFF_RETENTION_DAYS must be a whole number",
        "HANDOFF_PURGE_GRACE_HOURS|-1|HANDOFF_PURGE_GRACE_HOURS must be a whole number from 0",
    })
    void aMalformedValueStopsStartUpWithALineNamingTheVariable(String name, String value, String message) {
        assertThatThrownBy(() -> parse(name, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMalformedKeyIsNamedWithoutRepeatingItsValue() {
        String secretLooking = "k1:" + "A".repeat(40);

        assertThatThrownBy(() -> parse("CREDENTIALS_KEY", secretLooking))
                .hasMessageStartingWith("CREDENTIALS_KEY")
                .hasMessageNotContaining("AAAA");
    }

    @Test
    void outsideLocalModeAMissingKeyStopsStartUp() {
        assertThatThrownBy(() -> parse("PUBLIC_BASE_URL", "https://bot.example.com"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CREDENTIALS_KEY is missing")
                .hasMessageNotContaining("\n");
    }

    @Test
    void retentionAndGraceHaveDefaultsAndCanBeSet() {
        assertThat(parse().handOffPolicy()).isEqualTo(dev.bcsetup.handoff.HandOffPolicy.DEFAULT);
        assertThat(parse("HANDOFF_RETENTION_DAYS", "7", "HANDOFF_PURGE_GRACE_HOURS", "0").handOffPolicy())
                .isEqualTo(new dev.bcsetup.handoff.HandOffPolicy(java.time.Duration.ZERO, java.time.Duration.ofDays(7)));
    }

    @Test
    void halfASlackConfigurationNamesTheMissingHalf() {
        assertThatThrownBy(() -> parse("SLACK_BOT_TOKEN", "xoxb-test-not-real"))
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is missing");
        assertThatThrownBy(() -> parse("SLACK_SIGNING_SECRET", SIGNING_SECRET))
                .hasMessageStartingWith("SLACK_BOT_TOKEN is missing");
    }

    @Test
    void aSingleTenantBotNeedsItsTenant() {
        assertThatThrownBy(() -> parse("MICROSOFT_APP_ID", "11111111-2222-3333-4444-555555555555",
                "MICROSOFT_APP_PASSWORD", "pw", "MICROSOFT_APP_TYPE", "SingleTenant"))
                .hasMessageStartingWith("MICROSOFT_APP_TENANT_ID is missing");
    }

    @Test
    void messagesAboutSecretsNeverRepeatTheSecret() {
        String token = "xoxp-this-is-a-user-token-not-a-bot-token";
        assertThatThrownBy(() -> parse("SLACK_BOT_TOKEN", token, "SLACK_SIGNING_SECRET", SIGNING_SECRET))
                .hasMessageStartingWith("SLACK_BOT_TOKEN must be a bot token")
                .hasMessageNotContaining(token);
        String secret = "not-hex-but-a-secret-all-the-same";
        assertThatThrownBy(() -> parse("SLACK_BOT_TOKEN", "xoxb-ok", "SLACK_SIGNING_SECRET", secret))
                .hasMessageNotContaining(secret);
        assertThat(parse("SLACK_BOT_TOKEN", "xoxb-ok", "SLACK_SIGNING_SECRET", SIGNING_SECRET).toString())
                .doesNotContain(SIGNING_SECRET).doesNotContain("xoxb-ok");
    }

    @Test
    void theEnvironmentOverridesAPropertiesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bot.properties");
        Files.writeString(file, "PORT=4000\nHANDOFF_SLACK_CHANNEL=C0123ABCD\n");

        Config config = Config.from(Settings.fromEnvironment(Map.of("CONFIG_FILE", file.toString(), "PORT", "5000")));

        assertThat(config.port()).isEqualTo(5000);
        assertThat(config.handoffSlackChannel()).contains("C0123ABCD");
    }

    @Test
    void anUnreadablePropertiesFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("CONFIG_FILE", dir.resolve("missing").toString())))
                .hasMessageStartingWith("CONFIG_FILE: cannot read properties file");
    }
}
