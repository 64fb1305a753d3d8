package dev.bcsetup.server.soak;

import dev.bcsetup.teams.FakeBotConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every call the fake Bot Connector received, once, in order, and passes each to the merchant whose chat it
 * went to. Hand-off cards posted to the engineers' channel are counted by reference; everything sent is scanned for
 * secrets.
 */
final class TeamsWatch implements AutoCloseable {

    private final FakeBotConnector connector;
    private final String engineersChannel;
    private final Secrets secrets;
    private final Map<String, TeamsInbox> byChat = new ConcurrentHashMap<>();
    /** Hand-off notices by reference: when each copy was seen ({@link System#nanoTime}). */
    private final Map<String, List<Long>> notices = new TreeMap<>();
    private final Thread thread;
    private int read;

    TeamsWatch(FakeBotConnector connector, String engineersChannel, Secrets secrets) {
        this.connector = connector;
        this.engineersChannel = engineersChannel;
        this.secrets = secrets;
        this.thread = new Thread(this::watch, "soak-teams-watch");
        thread.setDaemon(true);
        thread.start();
    }

    TeamsInbox register(Journey journey, String chat) {
        TeamsInbox inbox = new TeamsInbox(journey);
        byChat.put(chat, inbox);
        return inbox;
    }

    /** Hand-off cards in the engineers' channel, by reference: when each copy arrived. */
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
        List<FakeBotConnector.Call> calls = connector.calls();
        for (; read < calls.size(); read++) {
            route(calls.get(read));
        }
    }

    private void route(FakeBotConnector.Call call) {
        String body = call.body().toString();
        secrets.scan("Bot Connector " + call.method(), body);
        if (engineersChannel.equals(call.conversationId())) {
            if (call.method().equals("POST") && call.isCard()) {
                Seen.reference(call.card().toString()).ifPresent(reference -> notices.computeIfAbsent(reference, r -> new ArrayList<>()).add(System.nanoTime()));
            }
            return;
        }
        TeamsInbox inbox = byChat.get(call.conversationId());
        if (inbox == null) {
            return;
        }
        if (call.isCard()) {
            inbox.card(call.id(), call.card());
        } else {
            inbox.message(call.text());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
