package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.TextFormatTypes;
import dev.bcsetup.conversation.ActionKind;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.Markup;
import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.EngineerActions;
import dev.bcsetup.handoff.MarkResult;
import dev.bcsetup.handoff.RevealResult;
import dev.bcsetup.store.StorageException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Teams activities into core events and core replies into Teams messages. It decides nothing
 * about the conversation: who may press what, and what comes next, is the core's call.
 */
public final class TeamsBot implements Bot {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
    private static final String NO_TENANT = "no-tenant";
    /** How long a dialog submission waits for the live check before closing and reporting in the chat instead. */
    static final Duration LIVE_CHECK_WAIT = Duration.ofSeconds(12);
    private static final int MAX_CUSTOMER_LABEL = 200;

    private final Conversations conversations;
    private final AdaptiveCards cards;
    private final CardMessages cardMessages = new CardMessages();
    private final TeamsEngineerNotifier engineers;
    private final People people;
    private final ConnectorRetry retry;
    private final ObjectMapper json;
    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final SetupLinks links;
    private final EngineerActions engineerActions;

    TeamsBot(Conversations conversations, AdaptiveCards cards, TeamsEngineerNotifier engineers, People people,
             ConnectorRetry retry, ObjectMapper json, BotFrameworkAdapter adapter, String appId, SetupLinks links, EngineerActions engineerActions) {
        this.links = links;
        this.engineerActions = engineerActions;
        this.adapter = adapter;
        this.appId = appId;
        this.conversations = conversations;
        this.cards = cards;
        this.engineers = engineers;
        this.people = people;
        this.retry = retry;
        this.json = json;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        engineers.observe(activity);
        people.saw(activity.getFrom());
        try {
            dispatch(turn, activity);
        } catch (StorageException e) {
            // A setup link, a reveal or a receipt needs the database, which does not answer: say so, rather than fail.
            LOG.warn("A Teams {} was not carried out, storage is unavailable: {}", activity.getType(), e.getMessage());
            String text = TeamsTexts.forLocale(activity.getLocale()).get("storage.unavailable");
            if (ActivityTypes.INVOKE.equals(activity.getType())) {
                answer(turn, AdaptiveCards.dialogMessage(text));
            } else {
                sendText(turn, text);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void dispatch(TurnContext turn, Activity activity) {
        switch (Objects.requireNonNullElse(activity.getType(), "")) {
            case ActivityTypes.MESSAGE -> onMessage(turn, activity);
            case ActivityTypes.INVOKE -> onInvoke(turn, activity);
            case ActivityTypes.CONVERSATION_UPDATE -> {
                boolean botAdded = activity.getMembersAdded() != null && activity.getMembersAdded().stream()
                        .anyMatch(m -> activity.getRecipient() != null && Objects.equals(m.getId(), activity.getRecipient().getId()));
                if (botAdded) {
                    greet(turn, activity);
                }
            }
            case ActivityTypes.INSTALLATION_UPDATE -> {
                if (activity.getAction() == null || activity.getAction().startsWith("add")) {
                    greet(turn, activity);
                }
            }
            default -> LOG.debug("Ignoring a Teams {} activity", activity.getType());
        }
    }

    /** Installing the bot in a personal chat opens the guide; Teams may send both kinds of install activity. */
    private void greet(TurnContext turn, Activity activity) {
        if (!personal(activity) || activity.getFrom() == null) {
            return;
        }
        SessionKey key = SessionKey.own(Platform.TEAMS, tenant(activity), activity.getFrom().getId());
        if (cardMessages.find(key).isPresent()) {
            return;
        }
        Event start = new Event.Start(new Actor(activity.getFrom().getId()), activity.getLocale(), Optional.empty());
        run(turn, key, start, null);
    }

    /** Dialogs: {@code task/fetch} opens one from a card button, {@code task/submit} is a press inside it. */
    private void onInvoke(TurnContext turn, Activity activity) {
        String name = Objects.requireNonNullElse(activity.getName(), "");
        Optional<JsonNode> data = DialogRequest.data(activity.getValue(), json);
        if (activity.getFrom() == null || activity.getFrom().getId() == null || data.isEmpty()
                || !(name.equals("task/fetch") || name.equals("task/submit"))) {
            LOG.debug("Ignoring a Teams invoke {}", name);
            answer(turn, null);
            return;
        }
        Actor actor = new Actor(activity.getFrom().getId());
        TeamsTexts texts = TeamsTexts.forLocale(activity.getLocale());
        Optional<String> reveal = handOffPress(data.get(), HandOffCards.REVEAL);
        if (reveal.isPresent()) {
            answer(turn, reveal(activity, reveal.get(), texts));
            return;
        }
        Optional<CardSubmit> button = CardSubmit.read(data.get(), json)
                .filter(press -> press.action().kind() == ActionKind.OPEN_FORM);
        if (button.isPresent()) {
            CardSubmit press = button.get();
            SessionKey key = new SessionKey(Platform.TEAMS, tenant(activity), press.user(), press.customer().orElse(null));
            dialog(turn, key, press.action().toEvent(actor, Optional.empty()), texts);
            return;
        }
        Optional<DialogRequest> request = DialogRequest.read(data.get());
        if (request.isEmpty()) {
            answer(turn, AdaptiveCards.dialogMessage(texts.get("dialog.unknown")));
            return;
        }
        DialogRequest press = request.get();
        SessionKey key = new SessionKey(Platform.TEAMS, tenant(activity), press.user(), press.customer().orElse(null));
        switch (press.kind()) {
            case DialogRequest.SEND -> dialog(turn, key, new Event.SubmitCredentials(actor, press.form()), texts);
            case DialogRequest.RETRY -> dialog(turn, key, new Event.OpenForm(actor, press.step()), texts);
            default -> answer(turn, null); // "Close": an empty answer closes the dialog
        }
    }

    /**
     * Runs a dialog's event and answers the invoke. After a submission that passes the instant checks we wait here for
     * the live check and show its report in the dialog, rather than closing the dialog and posting later: the check
     * gives up after {@link #LIVE_CHECK_WAIT}'s worth of BigCommerce time (its own deadline is 10 s), which fits inside
     * the ~15 s Teams waits for an invoke, and the merchant keeps "Try again" right where they typed. If the check is
     * slower than that anyway, the dialog closes with a short message and the report arrives in the chat.
     */
    private void dialog(TurnContext turn, SessionKey key, Event event, TeamsTexts texts) {
        Outcome outcome = conversations.handle(key, event);
        CompletableFuture<List<Reply>> later = conversations.followUp(outcome);
        List<Reply> replies = new ArrayList<>(outcome.replies());
        if (replies.stream().anyMatch(r -> r instanceof Reply.Checking)) {
            try {
                List<Reply> report = later.get(LIVE_CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                replies.removeIf(r -> r instanceof Reply.Checking);
                replies.addAll(report);
            } catch (TimeoutException slow) {
                ConversationReference chat = turn.getActivity().getConversationReference();
                later.whenComplete((report, failure) -> postLater(chat, key, report, failure));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.warn("The live check of a Teams setup failed: {}", e.getCause().getClass().getSimpleName());
            }
        } else {
            logUndelivered(later);
        }
        ObjectNode answer = null;
        List<String> messages = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply instanceof Reply.FormRequested requested) {
                answer = AdaptiveCards.dialogContinue(requested.form().title(), cards.form(requested.form(), key, texts));
            } else if (reply instanceof Reply.FormRejected rejected) {
                answer = AdaptiveCards.dialogContinue(rejected.form().title(), cards.form(rejected.form(), key, texts));
            } else if (reply instanceof Reply.ReportShown shown) {
                // The chat's card becomes the report too, so the chat tells the same story once the dialog is closed.
                showChatCard(turn, key, cards.report(shown.report(), key));
                answer = AdaptiveCards.dialogContinue(Markup.plain(shown.report().headline()),
                        cards.reportInDialog(shown.report(), key, texts));
            } else if (reply instanceof Reply.Checking checking) {
                messages.add(Markup.plain(checking.text()) + " " + texts.get("dialog.report.in.chat"));
            } else if (reply instanceof Reply.Notice notice) {
                messages.add(Markup.plain(notice.text()));
            } else if (reply instanceof Reply.StepShown shown) {
                showChatCard(turn, key, cards.step(shown.view(), key, texts));
                shown.view().notice().ifPresent(n -> messages.add(Markup.plain(n)));
            } else if (reply instanceof Reply.HelpShown help) {
                messages.add(Markup.plain(help.title()));
            }
        }
        if (answer == null) {
            answer = AdaptiveCards.dialogMessage(messages.isEmpty() ? texts.get("dialog.see.chat") : String.join(" ", messages));
        }
        answer(turn, answer);
    }

    /** An engineer's "Reveal": the secret in a dialog for an authorised engineer, a short refusal for anyone else. */
    private ObjectNode reveal(Activity activity, String handOffId, TeamsTexts texts) {
        RevealResult result = engineerActions.reveal(handOffId, engineer(activity));
        if (result instanceof RevealResult.Revealed revealed) {
            return AdaptiveCards.dialogContinue(texts.get("reveal.title", "reference", revealed.reference()),
                    HandOffCards.revealed(revealed.reference(), revealed.credentials(), texts));
        } else if (result instanceof RevealResult.Refused) {
            return AdaptiveCards.dialogMessage(texts.get("reveal.refused"));
        } else if (result instanceof RevealResult.Gone gone) {
            return AdaptiveCards.dialogMessage(texts.get("reveal.gone", "reference", gone.reference(), "why", gone.why()));
        }
        return AdaptiveCards.dialogMessage(texts.get("reveal.unknown"));
    }

    /** An engineer's "Mark received" on a hand-off card. */
    private void markReceived(TurnContext turn, Activity activity, String handOffId) {
        TeamsTexts texts = TeamsTexts.forLocale(activity.getLocale());
        MarkResult result = engineerActions.markReceived(handOffId, engineer(activity));
        if (result instanceof MarkResult.Marked || result instanceof MarkResult.AlreadyReceived) {
            sendText(turn, texts.get("received.done", "engineer", escape(people.name(activity.getFrom().getId(),
                    Objects.requireNonNullElse(activity.getFrom().getName(), "An engineer")))));
        } else {
            sendText(turn, texts.get("received.refused"));
        }
    }

    /** Who asks, as the core knows engineers: ENGINEERS lists Teams users by their AAD object id. */
    private static Engineer engineer(Activity activity) {
        ChannelAccount from = activity.getFrom();
        String id = from.getAadObjectId() != null && !from.getAadObjectId().isBlank() ? from.getAadObjectId() : from.getId();
        return new Engineer(Platform.TEAMS, tenant(activity), id, Set.of());
    }

    /** The hand-off id of a press of one of the hand-off card's buttons of kind {@code kind}. */
    private Optional<String> handOffPress(Object value, String kind) {
        if (value == null) {
            return Optional.empty();
        }
        JsonNode node = value instanceof JsonNode n ? n : json.valueToTree(value);
        JsonNode id = node.path(HandOffCards.ID);
        if (!kind.equals(node.path(HandOffCards.HANDOFF).asText()) || !id.isTextual() || id.asText().isBlank()
                || id.asText().length() > 200) {
            return Optional.empty();
        }
        return Optional.of(id.asText());
    }

    /** The message showing this setup's card in this chat: the one remembered, else the one the dialog came from. */
    private String chatCardOf(TurnContext turn, SessionKey key) {
        String conversationId = turn.getActivity().getConversation().getId();
        return cardMessages.find(key).filter(card -> card.conversationId().equals(conversationId))
                .map(CardMessages.Card::activityId)
                .orElse(turn.getActivity().getReplyToId());
    }

    /** A report that came after the dialog closed: update the setup's card in the chat, or post it. */
    private void postLater(ConversationReference chat, SessionKey key, List<Reply> replies, Throwable failure) {
        if (failure != null) {
            LOG.warn("The live check of a Teams setup failed: {}", failure.getClass().getSimpleName());
            return;
        }
        for (Reply reply : replies) {
            if (reply instanceof Reply.ReportShown shown) {
                try {
                    adapter.continueConversation(appId, chat, turn -> {
                        showCard(turn, key, cards.report(shown.report(), key),
                                cardMessages.find(key).map(CardMessages.Card::activityId).orElse(null));
                        return CompletableFuture.completedFuture(null);
                    }).join();
                } catch (RuntimeException e) {
                    LOG.warn("Could not post a late report to Teams: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    private static void answer(TurnContext turn, ObjectNode body) {
        Activity invokeResponse = new Activity(ActivityTypes.INVOKE_RESPONSE);
        invokeResponse.setValue(new InvokeResponse(200, body));
        turn.sendActivity(invokeResponse).join();
    }

    private void onMessage(TurnContext turn, Activity activity) {
        if (activity.getFrom() == null || activity.getFrom().getId() == null) {
            return;
        }
        Actor actor = new Actor(activity.getFrom().getId());
        Optional<String> received = handOffPress(activity.getValue(), HandOffCards.RECEIVED);
        if (received.isPresent()) {
            markReceived(turn, activity, received.get());
            return;
        }
        Optional<CardSubmit> submit = CardSubmit.read(activity.getValue(), json);
        if (submit.isPresent()) {
            CardSubmit press = submit.get();
            SessionKey key = new SessionKey(Platform.TEAMS, tenant(activity), press.user(), press.customer().orElse(null));
            run(turn, key, press.action().toEvent(actor, press.dataSets()), activity.getReplyToId());
            return;
        }
        String text = Activity.removeRecipientMentionImmutable(activity);
        TeamsCommand command = TeamsCommand.parse(text);
        TeamsTexts texts = TeamsTexts.forLocale(activity.getLocale());
        if (personal(activity)) {
            onPersonalCommand(turn, activity, actor, command, texts);
        } else {
            onGroupCommand(turn, activity, actor, command, texts);
        }
    }

    private void onPersonalCommand(TurnContext turn, Activity activity, Actor actor, TeamsCommand command, TeamsTexts texts) {
        SessionKey key = SessionKey.own(Platform.TEAMS, tenant(activity), actor.id());
        Event event;
        if (command instanceof TeamsCommand.Start start) {
            event = new Event.Start(actor, activity.getLocale(), start.direction());
        } else if (command instanceof TeamsCommand.Help) {
            event = new Event.Help(actor);
        } else if (command instanceof TeamsCommand.Restart) {
            event = new Event.Restart(actor);
        } else if (command instanceof TeamsCommand.Cancel) {
            event = new Event.Cancel(actor);
        } else if (command instanceof TeamsCommand.Forget) {
            event = new Event.Forget(actor);
        } else if (command instanceof TeamsCommand.SetupFor setupFor) {
            sendLink(turn, activity, actor, setupFor, texts);
            return;
        } else if (command instanceof TeamsCommand.RegisterEngineersChannel) {
            sendText(turn, texts.get("engineers.channel.only"));
            return;
        } else {
            // "status" and anything else: show where the merchant is, or begin.
            event = new Event.Resume(actor);
        }
        run(turn, key, event, null);
    }

    /** "setup for jane@example.com": a one-time link the agent passes on to a customer who is not in Teams. */
    private void sendLink(TurnContext turn, Activity activity, Actor agent, TeamsCommand.SetupFor setupFor, TeamsTexts texts) {
        String customer = stripTags(setupFor.rest());
        if (customer.isEmpty() || customer.length() > MAX_CUSTOMER_LABEL) {
            sendText(turn, texts.get("link.needs.customer"));
            return;
        }
        SetupLinks.Link link = links.create(tenant(activity), agent.id(), customer, setupFor.direction(), activity.getLocale());
        String expires = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(activity.getLocale() == null ? Locale.ENGLISH : Locale.forLanguageTag(activity.getLocale()))
                .withZone(ZoneOffset.UTC).format(link.expires());
        sendText(turn, texts.get("link.created", "customer", escape(customer), "link", link.url(), "expires", expires));
        LOG.info("A Teams agent made a one-time setup link (expires {})", link.expires());
    }

    private void onGroupCommand(TurnContext turn, Activity activity, Actor actor, TeamsCommand command, TeamsTexts texts) {
        if (command instanceof TeamsCommand.RegisterEngineersChannel) {
            if (engineers.configured()) {
                sendText(turn, texts.get("engineers.configured"));
            } else if (!"channel".equals(activity.getConversation().getConversationType())) {
                sendText(turn, texts.get("engineers.channel.only"));
            } else if (engineerActions.mayRegisterChannel(engineer(activity), activity.getConversation().getId())) {
                engineers.register(activity, engineer(activity).userId());
                sendText(turn, texts.get("engineers.registered"));
            } else {
                sendText(turn, texts.get("engineers.refused"));
            }
            return;
        }
        if (!(command instanceof TeamsCommand.SetupFor setupFor)) {
            sendText(turn, texts.get("group.usage", "bot", botName(activity)));
            return;
        }
        Optional<Mention> customer = mentions(activity).stream()
                .filter(m -> m.getMentioned() != null && m.getMentioned().getId() != null)
                .filter(m -> activity.getRecipient() == null || !m.getMentioned().getId().equals(activity.getRecipient().getId()))
                .filter(m -> !m.getMentioned().getId().equals(actor.id()))
                .findFirst();
        if (customer.isEmpty()) {
            sendText(turn, texts.get("group.setup.needs.mention"));
            return;
        }
        ChannelAccount mentioned = customer.get().getMentioned();
        people.saw(mentioned);
        SessionKey key = SessionKey.onBehalf(Platform.TEAMS, tenant(activity), actor.id(), mentioned.getId());
        sendAddressed(turn, activity, mentioned, texts);
        run(turn, key, new Event.Start(actor, activity.getLocale(), setupFor.direction()), null);
    }

    /** Handles one event and delivers what the core says; {@code cardId} is the message of the card pressed, if any. */
    private void run(TurnContext turn, SessionKey key, Event event, String cardId) {
        Outcome outcome = conversations.handle(key, event);
        for (Reply reply : outcome.replies()) {
            deliver(turn, key, reply, cardId);
        }
        logUndelivered(conversations.followUp(outcome));
    }

    private static void logUndelivered(CompletableFuture<List<Reply>> followUp) {
        followUp.whenComplete((later, failure) -> {
            if (failure != null) {
                LOG.warn("A follow-up for a Teams setup failed: {}", failure.getClass().getSimpleName());
            } else if (!later.isEmpty()) {
                LOG.info("{} follow-up replies for Teams are not delivered yet", later.size());
            }
        });
    }

    private void deliver(TurnContext turn, SessionKey key, Reply reply, String cardId) {
        String locale = turn.getActivity().getLocale();
        if (reply instanceof Reply.StepShown shown) {
            showCard(turn, key, cards.step(shown.view(), key, TeamsTexts.forLocale(locale)), cardId);
        } else if (reply instanceof Reply.HelpShown help) {
            sendText(turn, "**" + Markup.plain(help.title()) + "**\n\n" + TeamsMarkdown.message(help.body()));
        } else if (reply instanceof Reply.FormRequested || reply instanceof Reply.FormRejected) {
            // A plain message press instead of task/fetch: a client that cannot open dialogs (the Agents Playground).
            sendText(turn, TeamsTexts.forLocale(locale).get("dialog.needs.teams"));
        } else if (reply instanceof Reply.ReportShown shown) {
            showCard(turn, key, cards.report(shown.report(), key), cardId);
        } else if (reply instanceof Reply.Notice notice) {
            if (notice.actions().isEmpty()) {
                sendText(turn, TeamsMarkdown.message(notice.text()));
            } else {
                send(turn, cardMessage(cards.notice(notice.text(), notice.actions(), key)));
            }
        }
    }

    /**
     * The chat's card follows what a dialog shows. The dialog's answer rides on the invoke's HTTP response, so a Bot
     * Connector that is down or hanging costs only the chat's copy: the merchant still sees the report in the dialog.
     */
    private void showChatCard(TurnContext turn, SessionKey key, ObjectNode card) {
        try {
            showCard(turn, key, card, chatCardOf(turn, key));
        } catch (RuntimeException e) {
            LOG.warn("Could not update the chat's card after a dialog ({}); the dialog shows it", e.getClass().getSimpleName());
        }
    }

    /** Replaces the pressed card with the new step; typed commands (no card pressed) get a new message. */
    private void showCard(TurnContext turn, SessionKey key, ObjectNode card, String cardId) {
        String conversationId = turn.getActivity().getConversation().getId();
        String target = cardId;
        if (target != null) {
            Activity update = cardMessage(card);
            update.setId(target);
            try {
                retry.call(() -> turn.updateActivity(update));
                cardMessages.remember(key, new CardMessages.Card(conversationId, target));
                return;
            } catch (RuntimeException e) {
                if (!ConnectorRetry.refused(e)) {
                    // Down, hanging or throttled past our retries: a new card would fail the same way, or, if the update
                    // went through after all, show the step twice.
                    throw e;
                }
                LOG.info("Could not update card message in place ({}); sending a new one", e.getClass().getSimpleName());
            }
        }
        ResourceResponse sent = send(turn, cardMessage(card));
        if (sent != null && sent.getId() != null) {
            cardMessages.remember(key, new CardMessages.Card(conversationId, sent.getId()));
        }
    }

    private void sendAddressed(TurnContext turn, Activity activity, ChannelAccount customer, TeamsTexts texts) {
        String customerName = Optional.ofNullable(customer.getName()).filter(n -> !n.isBlank()).orElse("customer");
        String agentName = Optional.ofNullable(activity.getFrom().getName()).filter(n -> !n.isBlank()).orElse("Your support agent");
        String atCustomer = "<at>" + escape(customerName) + "</at>";
        Activity message = MessageFactory.text(texts.get("setup.for.started", "customer", atCustomer, "agent", escape(agentName)));
        Mention mention = new Mention();
        mention.setMentioned(new ChannelAccount(customer.getId(), customerName));
        mention.setText(atCustomer);
        List<Entity> entities = new ArrayList<>();
        entities.add(Entity.getAs(mention, Entity.class));
        message.setEntities(entities);
        send(turn, message);
    }

    private void sendText(TurnContext turn, String markdown) {
        Activity message = MessageFactory.text(markdown);
        message.setTextFormat(TextFormatTypes.MARKDOWN);
        send(turn, message);
    }

    private ResourceResponse send(TurnContext turn, Activity message) {
        return retry.call(() -> turn.sendActivity(message));
    }

    private static Activity cardMessage(ObjectNode card) {
        return MessageFactory.attachment(AdaptiveCards.attachment(card));
    }

    /** Mentions read defensively: Teams entities without a type must not break the turn. */
    private List<Mention> mentions(Activity activity) {
        if (activity.getEntities() == null) {
            return List.of();
        }
        return activity.getEntities().stream()
                .filter(e -> "mention".equalsIgnoreCase(e.getType()))
                .map(e -> json.convertValue(e.getProperties(), Mention.class))
                .filter(Objects::nonNull)
                .toList();
    }

    private static boolean personal(Activity activity) {
        if (activity.getConversation() == null) {
            return false;
        }
        String type = activity.getConversation().getConversationType();
        return type == null ? !activity.getConversation().isGroup() : type.equals("personal");
    }

    private static String tenant(Activity activity) {
        if (activity.getConversation() != null && activity.getConversation().getTenantId() != null
                && !activity.getConversation().getTenantId().isBlank()) {
            return activity.getConversation().getTenantId();
        }
        return NO_TENANT;
    }

    private static String botName(Activity activity) {
        return activity.getRecipient() != null && activity.getRecipient().getName() != null
                ? activity.getRecipient().getName() : "BigCommerce setup";
    }

    private static String stripTags(String text) {
        return text.replaceAll("<[^>]{1,100}>", "").strip();
    }

    private static String escape(String text) {
        return text.replace("<", "").replace(">", "");
    }
}
