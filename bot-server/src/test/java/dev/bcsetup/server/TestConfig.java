package dev.bcsetup.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configuration for a server under test: a free port and its own data folder, so no test sees another's sessions. */
final class TestConfig {

    /** A well-formed CREDENTIALS_KEY for tests: 32 zero bytes, never used outside them. */
    static final String TEST_KEY = "test:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private TestConfig() {
    }

    /** {@code keyValues} alternate names and values, added to or overriding the defaults. */
    static Config local(Path dataDir, String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATA_DIR", dataDir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        if (env.containsKey("PUBLIC_BASE_URL")) {
            // Outside local mode a key is required; tests that are not about it get a fixed one.
            env.putIfAbsent("CREDENTIALS_KEY", TEST_KEY);
        }
        return Config.from(Settings.of(env));
    }

    /** As {@link #local}, with Slack on: the tests' bot token and signing secret, the Web API at {@code slackApiUrl}. */
    static Config slack(Path dataDir, String slackApiUrl, String... keyValues) {
        String[] all = new String[keyValues.length + 6];
        System.arraycopy(new String[] {"SLACK_BOT_TOKEN", SlackJourneyTest.BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SlackJourneyTest.SIGNING_SECRET, "SLACK_API_URL", slackApiUrl}, 0, all, 0, 6);
        System.arraycopy(keyValues, 0, all, 6, keyValues.length);
        return local(dataDir, all);
    }
}
