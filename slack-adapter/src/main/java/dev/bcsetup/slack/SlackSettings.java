package dev.bcsetup.slack;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Slack adapter needs to know, handed over by the server's configuration (never read from the
 * environment here). {@code toString} names which parts are set and never prints a token or secret.
 */
public record SlackSettings(
        String botToken,
        String signingSecret,
        Optional<String> appToken,
        Optional<URI> apiUrl,
        Optional<String> engineersChannel,
        Optional<URI> publicBaseUrl,
        Set<String> engineers) {

    public SlackSettings {
        engineers = Set.copyOf(engineers);
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(engineersChannel, "engineersChannel");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    }

    /** The Slack user groups ({@code S...}) among {@code ENGINEERS}, whose members Slack is asked about on Reveal. */
    public Set<String> engineerGroups() {
        return engineers.stream().filter(id -> id.matches("S[A-Z0-9]{2,30}")).collect(Collectors.toUnmodifiableSet());
    }

    /** Socket Mode: Slack reaches the bot over a WebSocket the bot opens, so no public URL is needed. */
    public boolean socketMode() {
        return appToken.isPresent();
    }

    /** The Web API base the SDK calls, ending in {@code /api/} as the SDK expects. */
    public Optional<String> methodsEndpoint() {
        return apiUrl.map(uri -> {
            String base = uri.toString();
            base = base.endsWith("/") ? base : base + "/";
            return base.endsWith("/api/") ? base : base + "api/";
        });
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=set, signingSecret=set, socketMode=" + socketMode()
                + ", apiUrl=" + apiUrl.map(URI::toString).orElse("Slack's own")
                + ", engineersChannel=" + engineersChannel.orElse("unset")
                + ", publicBaseUrl=" + publicBaseUrl.map(URI::toString).orElse("unset")
                + ", engineers=" + engineers.size() + "]";
    }
}
