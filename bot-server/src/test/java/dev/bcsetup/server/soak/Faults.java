package dev.bcsetup.server.soak;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.fault.TcpFaultProxy;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.teams.FakeBotConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Injects the soak's faults on a schedule in a thread of its own: after {@code lead}, each kind in turn for
 * {@code fault}, with {@code quiet} after each, round again while the load lasts. Every fault ends before the load
 * does, so the journeys under way meet healthy dependencies at the end.
 */
final class Faults implements AutoCloseable {

    /** Methods the bot calls while merchants walk the guide; a Slack 429 fault refuses some of each. */
    private static final List<String> SLACK_METHODS = List.of("chat.postMessage", "chat.update", "chat.postEphemeral",
            "views.open", "views.update", "conversations.open");

    private final TcpFaultProxy database;
    private final FakeSlackApi slack;
    private final FakeBotConnector connector;
    private final FakeBigCommerce bigCommerce;
    /** When one fault was in force, {@link System#nanoTime} values. */
    record Window(FaultKind kind, long from, long to) {
    }

    private final Map<FaultKind, double[]> injected = new EnumMap<>(FaultKind.class);
    private final List<Window> windows = new ArrayList<>();
    private final Thread thread;
    private volatile FaultKind current;

    private Faults(TcpFaultProxy database, FakeSlackApi slack, FakeBotConnector connector, FakeBigCommerce bigCommerce,
                   SoakPlan plan, long loadEndNanos) {
        this.database = database;
        this.slack = slack;
        this.connector = connector;
        this.bigCommerce = bigCommerce;
        this.thread = new Thread(() -> schedule(plan, loadEndNanos), "soak-faults");
        thread.setDaemon(true);
    }

    static Faults start(TcpFaultProxy database, FakeSlackApi slack, FakeBotConnector connector, FakeBigCommerce bigCommerce,
                        SoakPlan plan, long loadEndNanos) {
        Faults faults = new Faults(database, slack, connector, bigCommerce, plan, loadEndNanos);
        faults.thread.start();
        return faults;
    }

    /** The fault in force now, if any. */
    FaultKind current() {
        return current;
    }

    /** What was injected, kind by kind, in the order of the schedule. */
    synchronized List<InjectedFault> injected() {
        List<InjectedFault> list = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            double[] totals = injected.getOrDefault(kind, new double[2]);
            list.add(new InjectedFault(kind, (int) totals[0], totals[1]));
        }
        return list;
    }

    synchronized List<Window> windows() {
        return List.copyOf(windows);
    }

    private void schedule(SoakPlan plan, long loadEndNanos) {
        if (!sleep(plan.lead())) {
            return;
        }
        FaultKind[] kinds = FaultKind.values();
        for (int i = 0; ; i++) {
            FaultKind kind = kinds[i % kinds.length];
            long remaining = loadEndNanos - System.nanoTime();
            if (remaining < plan.fault().plus(plan.quiet()).toNanos()) {
                return;
            }
            long began = System.nanoTime();
            begin(kind);
            current = kind;
            boolean slept = kind == FaultKind.SLACK_429 ? throttleSlack(plan.fault()) : sleep(plan.fault());
            current = null;
            end(kind);
            synchronized (this) {
                windows.add(new Window(kind, began, System.nanoTime()));
                double[] totals = injected.computeIfAbsent(kind, k -> new double[2]);
                totals[0]++;
                totals[1] += (System.nanoTime() - began) / 1e9;
            }
            if (!slept || !sleep(plan.quiet())) {
                return;
            }
        }
    }

    private void begin(FaultKind kind) {
        switch (kind) {
            case DATABASE_CUT -> database.cut();
            case SLACK_503 -> slack.outage(503);
            case CONNECTOR_503 -> connector.outage(503);
            case BIGCOMMERCE_503 -> bigCommerce.unavailable(true);
            case SLACK_HANG -> slack.hang();
            case CONNECTOR_HANG -> connector.hang();
            case BIGCOMMERCE_HANG -> bigCommerce.hang();
            case SLACK_429 -> {
                // Refusals are scripted call by call while the fault lasts: see throttleSlack.
            }
            case CONNECTOR_429 -> connector.throttleEvery(3);
        }
    }

    private void end(FaultKind kind) {
        switch (kind) {
            case DATABASE_CUT -> database.restore();
            case SLACK_503 -> slack.outage(0);
            case CONNECTOR_503 -> connector.outage(0);
            case BIGCOMMERCE_503 -> bigCommerce.unavailable(false);
            case SLACK_HANG -> slack.release();
            case CONNECTOR_HANG -> connector.release();
            case BIGCOMMERCE_HANG -> bigCommerce.release();
            case SLACK_429 -> {
                // Nothing more is scripted; at most one refusal per method is still queued for the next call.
            }
            case CONNECTOR_429 -> connector.throttleEvery(0);
        }
    }

    /**
     * Slack refuses the bot's calls of each method it uses, one in every few, each with {@code Retry-After: 1}, as a
     * workspace over its rate limit sees. A refusal is scripted only once the last one of its method was spent, so
     * none is left over when the fault ends.
     */
    private boolean throttleSlack(Duration length) {
        long end = System.nanoTime() + length.toNanos();
        Map<String, Integer> scripted = new HashMap<>();
        int seen = slack.calls().size();
        while (System.nanoTime() < end) {
            Map<String, Integer> refused = new HashMap<>();
            List<FakeSlackApi.Call> calls = slack.calls();
            calls.subList(seen, calls.size()).stream().filter(call -> !call.ok())
                    .forEach(call -> refused.merge(call.method(), 1, Integer::sum));
            for (String method : SLACK_METHODS) {
                if (scripted.getOrDefault(method, 0) <= refused.getOrDefault(method, 0)) {
                    slack.rateLimitNext(method, 1);
                    scripted.merge(method, 1, Integer::sum);
                }
            }
            if (!sleep(Duration.ofMillis(250))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the schedule and heals whatever is failing now. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FaultKind now = current;
        if (now != null) {
            end(now);
        }
    }
}
