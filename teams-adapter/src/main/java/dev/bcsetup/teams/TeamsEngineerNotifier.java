package dev.bcsetup.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.bcsetup.conversation.Effect;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.notify.EngineerChannels;
import dev.bcsetup.notify.EngineerNotifier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts "I'm stuck" requests proactively to the engineers' Teams channel: the one named by
 * {@code HANDOFF_TEAMS_CHANNEL} (a conversation id), or the one where an engineer typed
 * "register engineers channel", kept in the database ({@link EngineerChannels}) so that it outlives a restart
 * and every instance posts to the same channel.
 */
public final class TeamsEngineerNotifier implements EngineerNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsEngineerNotifier.class);
    /** Where Teams' connector lives when no activity has told us yet (it names its own in every activity). */
    static final String DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final Optional<String> configuredChannel;
    private final People people;
    private final ConnectorRetry retry;
    private final EngineerChannels channels;
    private final AtomicReference<String> lastServiceUrl = new AtomicReference<>();
    private final AtomicReference<String> botId = new AtomicReference<>();

    TeamsEngineerNotifier(BotFrameworkAdapter adapter, String appId, Optional<String> configuredChannel,
                          EngineerChannels channels, People people, ConnectorRetry retry) {
        this.adapter = adapter;
        this.channels = channels;
        this.appId = appId;
        this.configuredChannel = configuredChannel.filter(c -> !c.isBlank());
        this.people = people;
        this.retry = retry;
    }

    /** Whether the channel comes from configuration, which a chat command must not override. */
    boolean configured() {
        return configuredChannel.isPresent();
    }

    /** Learns the connector's address and the bot's id from a genuine incoming activity. */
    void observe(Activity activity) {
        if (activity.getServiceUrl() != null && !activity.getServiceUrl().isBlank()) {
            lastServiceUrl.set(activity.getServiceUrl());
        }
        if (activity.getRecipient() != null && activity.getRecipient().getId() != null) {
            botId.set(activity.getRecipient().getId());
        }
    }

    /**
     * Makes the channel this activity came from the engineers channel, for every instance and after restarts.
     * The caller has checked that the sender is an engineer.
     */
    void register(Activity fromChannel, String registeredBy) {
        channels.register(Platform.TEAMS, fromChannel.getConversation().getId(), fromChannel.getServiceUrl(), registeredBy);
        LOG.warn("Engineers channel registered from Teams by {}: conversation {}", registeredBy,
                fromChannel.getConversation().getId());
    }

    @Override
    public void merchantStuck(Effect.Escalate request) {
        Optional<ConversationReference> channel = channel();
        if (channel.isEmpty()) {
            LOG.info("No Teams engineers channel yet (HANDOFF_TEAMS_CHANNEL, or \"register engineers channel\"): "
                    + "the help request is in the log only");
            return;
        }
        ConversationReference reference = channel.get();
        TeamsTexts texts = TeamsTexts.forLocale(null);
        StringBuilder text = new StringBuilder(texts.get("stuck.posted",
                "number", Integer.toString(request.stepNumber()), "title", request.stepTitle()));
        text.append("\n\n").append(texts.get("stuck.merchant", "merchant", people.describe(request.key().merchant())));
        request.key().agent().ifPresent(agent ->
                text.append("\n\n").append(texts.get("stuck.agent", "agent", people.describe(agent))));
        text.append("\n\n").append(texts.get("stuck.where", "platform", request.key().platform().name(),
                "tenant", request.key().workspace()));
        Activity message = MessageFactory.text(text.toString());
        retry.call(() -> adapter.continueConversation(appId, reference,
                turn -> turn.sendActivity(message).thenApply(sent -> null)));
    }

    /** Posts {@code message} as a new thread in the engineers channel; false when there is no channel yet. */
    boolean post(Activity message) {
        Optional<ConversationReference> channel = channel();
        if (channel.isEmpty()) {
            return false;
        }
        retry.call(() -> adapter.continueConversation(appId, channel.get(),
                turn -> turn.sendActivity(message).thenApply(sent -> null)));
        return true;
    }

    private Optional<ConversationReference> channel() {
        if (configuredChannel.isPresent()) {
            return Optional.of(reference(configuredChannel.get(),
                    Optional.ofNullable(lastServiceUrl.get()).orElse(DEFAULT_SERVICE_URL)));
        }
        return channels.find(Platform.TEAMS).map(registered -> reference(registered.conversationId(),
                Optional.ofNullable(lastServiceUrl.get()).orElse(registered.serviceUrl())));
    }

    /** A new thread in the channel {@code conversationId}, reached through the connector at {@code serviceUrl}. */
    private ConversationReference reference(String conversationId, String serviceUrl) {
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(serviceUrl);
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId(conversationId);
        conversation.setIsGroup(true);
        conversation.setConversationType("channel");
        reference.setConversation(conversation);
        Optional.ofNullable(botId.get()).ifPresent(id -> reference.setBot(new ChannelAccount(id)));
        return reference;
    }
}
