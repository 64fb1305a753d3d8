package dev.bcsetup.server.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.slack.FakeSlackApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every Web API call the fake Slack received, once, in order, and passes each to the merchant it was for:
 * DM messages and ephemeral notices by channel, modals by the DM their metadata names. Hand-off notices posted to
 * the engineers' channel are counted by reference, and everything sent is scanned for secrets.
 */
final class SlackWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlackApi slack;
    private final String engineersChannel;
    private final Secrets secrets;
    private final Map<String, SlackInbox> byDm = new ConcurrentHashMap<>();
    private final Map<String, SlackInbox> byView = new ConcurrentHashMap<>();
    private final Set<String> knownViews = new HashSet<>();
    /** Hand-off notices by reference: when each copy was seen ({@link System#nanoTime}). */
    private final Map<String, List<Long>> notices = new TreeMap<>();
    private final Thread thread;
    private int read;

    SlackWatch(FakeSlackApi slack, String engineersChannel, Secrets secrets) {
        this.slack = slack;
        this.engineersChannel = engineersChannel;
        this.secrets = secrets;
        this.thread = new Thread(this::watch, "soak-slack-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The inbox of a merchant who is about to start; their DM is where the fake opens it. */
    SlackInbox register(Journey journey) {
        SlackInbox inbox = new SlackInbox(journey, "D" + journey.user.substring(1));
        byDm.put(inbox.dm(), inbox);
        return inbox;
    }

    /** Hand-off notices in the engineers' channel, by reference: when each copy arrived. */
    synchronized Map<String, List<Long>> engineerNotices() {
        poll();
        Map<String, List<Long>> copy = new TreeMap<>();
        notices.forEach((reference, seen) -> copy.put(reference, List.copyOf(seen)));
        return copy;
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (this) {
                poll();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll() {
        List<FakeSlackApi.Call> calls = slack.calls();
        for (; read < calls.size(); read++) {
            route(calls.get(read));
        }
    }

    private void route(FakeSlackApi.Call call) {
        secrets.scan("Slack " + call.method(), call.params().toString());
        if (!call.ok()) {
            return;
        }
        String channel = call.param("channel");
        switch (call.method()) {
            case "chat.postMessage" -> {
                if (engineersChannel.equals(channel)) {
                    Seen.reference(call.blocksText()).ifPresent(reference -> notices.computeIfAbsent(reference, r -> new ArrayList<>()).add(System.nanoTime()));
                } else {
                    inbox(channel).ifPresent(inbox -> inbox.message(call));
                }
            }
            case "chat.update" -> inbox(channel).ifPresent(inbox -> inbox.message(call));
            case "chat.postEphemeral" -> inbox(channel).ifPresent(inbox -> inbox.notice(call.param("text") + " " + call.blocksText()));
            case "views.open" -> newViews();
            case "views.update" -> {
                SlackInbox inbox = byView.get(String.valueOf(call.param("view_id")));
                if (inbox != null) {
                    inbox.viewChanged(call.blocksText());
                }
            }
            default -> {
                // auth.test, conversations.open and the rest show the merchant nothing.
            }
        }
    }

    private java.util.Optional<SlackInbox> inbox(String channel) {
        return java.util.Optional.ofNullable(channel == null ? null : byDm.get(channel));
    }

    /** Modals opened since the last look, each given to the merchant whose DM its metadata names. */
    private void newViews() {
        for (String id : slack.viewIds()) {
            if (knownViews.add(id)) {
                String metadata = slack.view(id).path("private_metadata").asText("");
                String dm = dm(metadata);
                SlackInbox inbox = dm == null ? null : byDm.get(dm);
                if (inbox != null) {
                    byView.put(id, inbox);
                    inbox.viewOpened(id);
                }
            }
        }
    }

    private static String dm(String metadata) {
        try {
            JsonNode node = JSON.readTree(metadata.isEmpty() ? "{}" : metadata);
            return node.path("dm").isTextual() ? node.path("dm").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
