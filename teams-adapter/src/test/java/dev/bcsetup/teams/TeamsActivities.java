package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activities shaped as Teams sends them: {@code 29:} user and {@code 28:} bot ids, the tenant in both
 * {@code conversation} and {@code channelData}, and timestamps without fractional seconds.
 */
public final class TeamsActivities {

    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String BOT_ID = "28:9e5d5e3a-6a43-4b16-b2f4-0a64a7a1c1f0";
    public static final String BOT_NAME = "BigCommerce setup";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String serviceUrl;
    private final AtomicInteger ids = new AtomicInteger();

    public TeamsActivities(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** A conversation: {@code personal}, {@code groupChat} or {@code channel}. */
    public record Chat(String id, String type) {
        public static Chat personal(String id) {
            return new Chat(id, "personal");
        }

        public static Chat group(String id) {
            return new Chat(id, "groupChat");
        }

        public static Chat channel(String id) {
            return new Chat(id, "channel");
        }
    }

    /** A person: {@code 29:} Teams id and display name. */
    public record Person(String id, String name) {
    }

    public ObjectNode installed(Chat chat, Person who) {
        ObjectNode a = base("installationUpdate", chat, who);
        a.put("action", "add");
        return a;
    }

    public ObjectNode botAdded(Chat chat, Person who) {
        ObjectNode a = base("conversationUpdate", chat, who);
        a.putArray("membersAdded").addObject().put("id", BOT_ID);
        return a;
    }

    public ObjectNode memberAdded(Chat chat, Person who, Person added) {
        ObjectNode a = base("conversationUpdate", chat, who);
        a.putArray("membersAdded").addObject().put("id", added.id());
        return a;
    }

    /** A typed message; in group chats and channels Teams includes the bot's mention in the text. */
    public ObjectNode text(Chat chat, Person who, String text, Person... mentioned) {
        ObjectNode a = base("message", chat, who);
        ArrayNode entities = a.putArray("entities");
        String full = text;
        if (!chat.type().equals("personal")) {
            full = "<at>" + BOT_NAME + "</at> " + text;
            mention(entities, BOT_ID, BOT_NAME);
        }
        for (Person p : mentioned) {
            mention(entities, p.id(), p.name());
        }
        entities.addObject().put("type", "clientInfo").put("locale", "en-US").put("country", "US").put("platform", "Web");
        a.put("text", full);
        a.put("textFormat", "plain");
        return a;
    }

    /** An Action.Submit press on the card sent in message {@code cardId}, with the button's data and inputs. */
    public ObjectNode press(Chat chat, Person who, String cardId, ObjectNode value) {
        ObjectNode a = base("message", chat, who);
        a.put("replyToId", cardId);
        a.set("value", value);
        return a;
    }

    /**
     * A dialog invoke ({@code task/fetch} or {@code task/submit}) as Teams sends it: the button's data (and, for a
     * submit, the dialog's inputs) under {@code value.data}, from the card message {@code cardId}.
     */
    public ObjectNode invoke(Chat chat, Person who, String name, String cardId, ObjectNode data) {
        ObjectNode a = base("invoke", chat, who);
        a.put("name", name);
        if (cardId != null) {
            a.put("replyToId", cardId);
        }
        ObjectNode value = a.putObject("value");
        value.set("data", data);
        value.putObject("context").put("theme", "default");
        return a;
    }

    /** The AAD object id this builder gives {@code who} in every activity. */
    public static String aadObjectId(Person who) {
        return "00000000-0000-0000-0000-" + String.format("%012d", Math.abs(who.id().hashCode()));
    }

    private static void mention(ArrayNode entities, String id, String name) {
        ObjectNode m = entities.addObject();
        m.put("type", "mention");
        m.put("text", "<at>" + name + "</at>");
        m.putObject("mentioned").put("id", id).put("name", name);
    }

    private ObjectNode base(String type, Chat chat, Person who) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", "1" + String.format("%012d", ids.incrementAndGet()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        a.put("timestamp", now.toString());
        a.put("localTimestamp", now.atOffset(java.time.ZoneOffset.ofHours(-8)).toString());
        a.put("serviceUrl", serviceUrl);
        a.put("channelId", "msteams");
        a.put("locale", "en-US");
        a.putObject("from").put("id", who.id()).put("name", who.name())
                .put("aadObjectId", aadObjectId(who));
        ObjectNode conversation = a.putObject("conversation");
        conversation.put("id", chat.id());
        conversation.put("conversationType", chat.type());
        conversation.put("tenantId", TENANT);
        if (!chat.type().equals("personal")) {
            conversation.put("isGroup", true);
        }
        a.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
        ObjectNode channelData = a.putObject("channelData");
        channelData.putObject("tenant").put("id", TENANT);
        if (chat.type().equals("channel")) {
            channelData.putObject("channel").put("id", chat.id());
            channelData.putObject("team").put("id", chat.id());
        }
        return a;
    }
}
