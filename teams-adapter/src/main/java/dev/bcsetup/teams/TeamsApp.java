package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.handoff.EngineerActions;
import dev.bcsetup.handoff.HandOffNotifier;
import dev.bcsetup.notify.EngineerChannels;
import dev.bcsetup.notify.EngineerNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams side assembled from its settings. Made in two steps because the engineers notifier must exist
 * before {@link Conversations} (which calls it) and the bot needs {@link Conversations}.
 */
public final class TeamsApp {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsApp.class);

    private final TeamsSettings settings;
    private final TeamsHttpAdapter adapter;
    private final People people = new People();
    private final ConnectorRetry retry = ConnectorRetry.standard();
    private final ObjectMapper json = TeamsJson.mapper();
    private final TeamsEngineerNotifier notifier;
    private final TeamsHandOffNotifier handOffs;

    private TeamsApp(TeamsSettings settings, EngineerChannels channels) {
        this.settings = settings;
        this.adapter = new TeamsHttpAdapter(settings.appId().orElse(""), settings.appPassword().orElse(""),
                settings.singleTenant() ? settings.tenantId().orElseThrow() : null);
        this.notifier = new TeamsEngineerNotifier(adapter, settings.appId().orElse(""), settings.engineersChannel(), channels,
                people, retry);
        this.handOffs = new TeamsHandOffNotifier(notifier, people);
    }

    /** The Teams side; an engineers' channel registered from a chat is kept in {@code channels}. */
    public static TeamsApp create(TeamsSettings settings, EngineerChannels channels) {
        // The SDK keeps this URL in a static field; only tests change it, before any request.
        settings.openIdMetadataUrl().ifPresent(ChannelValidation::setOpenIdMetaDataUrl);
        if (settings.emulator()) {
            LOG.warn("*** Teams endpoint in EMULATOR MODE: MICROSOFT_APP_ID is not set, so /api/messages accepts "
                    + "UNAUTHENTICATED activities (only those whose serviceUrl is on this machine). For local testing only. ***");
        } else {
            LOG.info("Teams endpoint checks Bot Framework tokens for app {} ({})", settings.appId().get(),
                    settings.singleTenant() ? "single-tenant" : "multi-tenant");
        }
        return new TeamsApp(settings, channels);
    }

    /** Posts "I'm stuck" requests to the engineers' Teams channel. */
    public EngineerNotifier engineerNotifier() {
        return notifier;
    }

    /** Posts each validated hand-off to the engineers' Teams channel, for the hand-off service to call. */
    public HandOffNotifier handOffNotifier() {
        return handOffs;
    }

    /**
     * The {@code POST /api/messages} handler, running the conversation through {@code conversations}; agents' one-time
     * links come from {@code links}, and engineers' Reveal and Mark received go to {@code engineerActions}.
     */
    public TeamsEndpoint endpoint(Conversations conversations, SetupLinks links, EngineerActions engineerActions) {
        TeamsBot bot = new TeamsBot(conversations, new AdaptiveCards(settings.publicBaseUrl()), notifier, people, retry, json,
                adapter, settings.appId().orElse(""), links, engineerActions);
        return new TeamsEndpoint(adapter, bot, json, settings.emulator());
    }
}
