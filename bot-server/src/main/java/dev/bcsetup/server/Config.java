package dev.bcsetup.server;

import java.net.URI;
import java.net.URISyntaxException;
import dev.bcsetup.handoff.HandOffPolicy;
import dev.bcsetup.handoff.KeyRing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated configuration contract (see the README's table). Parsing fails fast with a
 * {@link ConfigException} whose one-line message names the variable and never repeats a secret.
 */
public record Config(
        int port,
        String bindAddress,
        Optional<URI> publicBaseUrl,
        Optional<String> databaseUrl,
        Path dataDirectory,
        Optional<Secret> credentialsKey,
        Optional<Slack> slack,
        Optional<Teams> teams,
        URI bigCommerceApiUrl,
        Optional<String> handoffSlackChannel,
        Optional<String> handoffTeamsChannel,
        Optional<Webhook> handoffWebhook,
        Set<String> engineers,
        HandOffPolicy handOffPolicy) {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("[CGD][A-Z0-9]{6,20}");
    private static final Pattern ENGINEER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_.@-]{1,99}");

    /** A value that must never be printed; its {@code toString} says only that it is set. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "Secret[set]";
        }
    }

    /** The Slack app's credentials; {@code appToken} selects Socket Mode. */
    public record Slack(Secret botToken, Secret signingSecret, Optional<Secret> appToken, Optional<URI> apiUrl) {
    }

    /**
     * The Bot Framework registration; {@code openIdMetadataUrl} replaces where Bot Framework publishes its
     * token signing keys (tests point it at a fake).
     */
    public record Teams(String appId, Secret appPassword, String appType, Optional<String> tenantId,
                        Optional<URI> openIdMetadataUrl) {
    }

    /** Where and how the signed hand-off webhook goes. */
    public record Webhook(URI url, Secret secret) {
    }

    /** Local mode: no public URL, so the playground is on and the server listens on this machine only. */
    public boolean localMode() {
        return publicBaseUrl.isEmpty();
    }

    public static Config from(Settings settings) {
        Optional<URI> publicBaseUrl = settings.get("PUBLIC_BASE_URL").map(v -> origin("PUBLIC_BASE_URL", v, true));
        return new Config(
                port(settings),
                settings.get("BIND_ADDRESS").orElse(publicBaseUrl.isEmpty() ? "127.0.0.1" : "0.0.0.0"),
                publicBaseUrl,
                settings.get("DATABASE_URL").map(Config::databaseUrl),
                Path.of(settings.get("DATA_DIR").orElse("data")),
                credentialsKey(settings, publicBaseUrl.isEmpty()),
                slack(settings),
                teams(settings),
                settings.get("BIGCOMMERCE_API_URL").map(v -> origin("BIGCOMMERCE_API_URL", v, false))
                        .orElse(URI.create("https://api.bigcommerce.com")),
                settings.get("HANDOFF_SLACK_CHANNEL").map(v -> matching("HANDOFF_SLACK_CHANNEL", v, SLACK_CHANNEL,
                        "a Slack channel ID such as C0123ABCD")),
                settings.get("HANDOFF_TEAMS_CHANNEL"),
                webhook(settings),
                engineers(settings),
                new HandOffPolicy(
                        Duration.ofHours(positive(settings, "HANDOFF_PURGE_GRACE_HOURS", 24, 0, 24 * 365)),
                        Duration.ofDays(positive(settings, "HANDOFF_RETENTION_DAYS", 30, 1, 3650))));
    }

    /** The key ring as written, checked now so a typo stops start-up instead of the first hand-off. */
    private static Optional<Secret> credentialsKey(Settings settings, boolean localMode) {
        Optional<String> value = settings.get("CREDENTIALS_KEY");
        if (value.isEmpty()) {
            if (!localMode) {
                throw new ConfigException("CREDENTIALS_KEY is missing: outside local mode stored credentials need a key "
                        + "shared by every instance, e.g. k1:$(openssl rand -base64 32)");
            }
            return Optional.empty();
        }
        try {
            KeyRing.parse(value.get());
        } catch (IllegalArgumentException e) {
            // KeyRing's messages name key ids at most, never key material.
            throw new ConfigException("CREDENTIALS_KEY is malformed: " + e.getMessage());
        }
        return value.map(Secret::new);
    }

    private static long positive(Settings settings, String name, long fallback, long min, long max) {
        String raw = settings.get(name).orElse(Long.toString(fallback));
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", got '" + printable(raw) + "'");
    }

    private static int port(Settings settings) {
        String raw = settings.get("PORT").orElse("3978");
        try {
            int port = Integer.parseInt(raw);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("PORT must be a number from 0 to 65535 (0 picks a free port), got '" + raw + "'");
    }

    private static String databaseUrl(String value) {
        if (value.startsWith("jdbc:h2:") || value.startsWith("jdbc:postgresql:")) {
            return value;
        }
        throw new ConfigException("DATABASE_URL must be a JDBC URL starting with jdbc:postgresql: or jdbc:h2:");
    }

    private static Optional<Slack> slack(Settings settings) {
        boolean token = settings.has("SLACK_BOT_TOKEN");
        boolean secret = settings.has("SLACK_SIGNING_SECRET");
        if (!token && !secret) {
            if (settings.has("SLACK_APP_TOKEN")) {
                throw new ConfigException("SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not: "
                        + "Socket Mode needs all three");
            }
            return Optional.empty();
        }
        if (!token || !secret) {
            throw new ConfigException((token ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN")
                    + " is missing: set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or neither to run without Slack");
        }
        String botToken = settings.get("SLACK_BOT_TOKEN").orElseThrow();
        if (!botToken.startsWith("xoxb-")) {
            throw new ConfigException("SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page)");
        }
        String signingSecret = settings.get("SLACK_SIGNING_SECRET").orElseThrow();
        if (!signingSecret.matches("[0-9a-f]{32}")) {
            throw new ConfigException("SLACK_SIGNING_SECRET must be the 32 hexadecimal characters from Basic Information");
        }
        Optional<Secret> appToken = settings.get("SLACK_APP_TOKEN").map(v -> {
            if (!v.startsWith("xapp-")) {
                throw new ConfigException("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
            }
            return new Secret(v);
        });
        Optional<URI> apiUrl = settings.get("SLACK_API_URL").map(v -> url("SLACK_API_URL", v));
        return Optional.of(new Slack(new Secret(botToken), new Secret(signingSecret), appToken, apiUrl));
    }

    private static Optional<Teams> teams(Settings settings) {
        Optional<String> appId = settings.get("MICROSOFT_APP_ID");
        if (appId.isEmpty()) {
            for (String dependent : List.of("MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE")) {
                if (settings.has(dependent)) {
                    throw new ConfigException(dependent + " is set but MICROSOFT_APP_ID is not");
                }
            }
            return Optional.empty();
        }
        String id = matching("MICROSOFT_APP_ID", appId.get(), GUID, "the bot's application (client) ID, a GUID");
        Secret password = settings.get("MICROSOFT_APP_PASSWORD").map(Secret::new).orElseThrow(() ->
                new ConfigException("MICROSOFT_APP_PASSWORD is missing: MICROSOFT_APP_ID needs its client secret"));
        String type = settings.get("MICROSOFT_APP_TYPE").orElse("MultiTenant");
        if (!type.equals("MultiTenant") && !type.equals("SingleTenant")) {
            throw new ConfigException("MICROSOFT_APP_TYPE must be SingleTenant or MultiTenant, got '" + type + "'");
        }
        Optional<String> tenant = settings.get("MICROSOFT_APP_TENANT_ID")
                .map(v -> matching("MICROSOFT_APP_TENANT_ID", v, GUID, "the directory (tenant) ID, a GUID"));
        if (type.equals("SingleTenant") && tenant.isEmpty()) {
            throw new ConfigException("MICROSOFT_APP_TENANT_ID is missing: a SingleTenant bot needs its tenant ID");
        }
        Optional<URI> openIdMetadataUrl = settings.get("MICROSOFT_OPENID_METADATA_URL")
                .map(v -> url("MICROSOFT_OPENID_METADATA_URL", v));
        return Optional.of(new Teams(id, password, type, tenant, openIdMetadataUrl));
    }

    private static Optional<Webhook> webhook(Settings settings) {
        Optional<String> url = settings.get("HANDOFF_WEBHOOK_URL");
        Optional<String> secret = settings.get("HANDOFF_WEBHOOK_SECRET");
        if (url.isEmpty()) {
            if (secret.isPresent()) {
                throw new ConfigException("HANDOFF_WEBHOOK_SECRET is set but HANDOFF_WEBHOOK_URL is not");
            }
            return Optional.empty();
        }
        URI uri = url("HANDOFF_WEBHOOK_URL", url.get());
        if (secret.isEmpty() || secret.get().length() < 16) {
            throw new ConfigException("HANDOFF_WEBHOOK_SECRET must be set, at least 16 characters, to sign the webhook");
        }
        return Optional.of(new Webhook(uri, new Secret(secret.get())));
    }

    private static Set<String> engineers(Settings settings) {
        return settings.get("ENGINEERS").map(raw -> {
            List<String> ids = Arrays.stream(raw.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
            for (String id : ids) {
                matching("ENGINEERS", id, ENGINEER_ID, "a comma-separated list of Slack user or group IDs and Teams AAD object IDs");
            }
            return Set.copyOf(ids);
        }).orElse(Set.of());
    }

    private static String matching(String name, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new ConfigException(name + " must be " + expected + ", got '" + printable(value) + "'");
        }
        return value;
    }

    private static URI url(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException(name + " must be an absolute http(s) URL, got '" + printable(value) + "'");
    }

    /** An origin: scheme, host and port only; {@code httpsOnly} for what the platforms reach. */
    private static URI origin(String name, String value, boolean httpsOnly) {
        URI uri = url(name, value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (httpsOnly && !uri.getScheme().equalsIgnoreCase("https")) {
            throw new ConfigException(name + " must use https: Slack and Teams only load images and links over https");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new ConfigException(name + " must be an origin like https://bot.example.com, without a path, got '"
                    + printable(value) + "'");
        }
        return uri;
    }

    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
