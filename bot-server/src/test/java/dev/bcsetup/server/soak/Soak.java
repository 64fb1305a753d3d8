package dev.bcsetup.server.soak;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.fault.TcpFaultProxy;
import dev.bcsetup.handoff.Outbox;
import dev.bcsetup.handoff.WebhookReceiver;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.SlackRequests;
import dev.bcsetup.store.EmbeddedPostgresDatabase;
import dev.bcsetup.teams.FakeBotConnector;
import dev.bcsetup.teams.TeamsActivities;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Issue 8's soak: many merchants, half in Slack and half in Teams, walking whole journeys again and again against the
 * real server on PostgreSQL while its dependencies fail, hang and throttle on a schedule; then the checks that
 * nothing was lost or duplicated, and the server's heap and threads over the run. The server runs in a JVM of its
 * own ({@link SoakServer}) behind a {@link TcpFaultProxy} to the database; the fakes, the webhook receiver and the
 * merchants run here.
 */
public final class Soak {

    static final String BOT_TOKEN = "xoxb-5050-6060-SOAKBOTTOKEN";
    static final String SIGNING_SECRET = "50a4c0ffee0123456789abcdef012345";
    static final String WEBHOOK_SECRET = "soak-webhook-signing-secret";
    static final String GENERAL = "C0GENERAL01";
    static final String SLACK_ENGINEERS = "C0ENGINEERS";
    static final String TEAMS_ENGINEERS = "19:soak-engineers@thread.tacv2";
    /** 32 zero bytes: a well-formed CREDENTIALS_KEY for the soak, never used elsewhere. */
    private static final String KEY = "soak:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private Soak() {
    }

    public static SoakReport run(SoakPlan plan, PrintStream out) throws Exception {
        Path scratch = Files.createTempDirectory("soak");
        try {
            return run(plan, out, scratch);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static SoakReport run(SoakPlan plan, PrintStream out, Path scratch) throws Exception {
        Secrets secrets = new Secrets(BOT_TOKEN, SIGNING_SECRET, WEBHOOK_SECRET);
        try (EmbeddedPostgresDatabase postgres = EmbeddedPostgresDatabase.start();
             TcpFaultProxy relay = TcpFaultProxy.to(postgres.port());
             FakeBigCommerce bigCommerce = FakeBigCommerce.start();
             FakeSlackApi slack = new FakeSlackApi(BOT_TOKEN, GENERAL, SLACK_ENGINEERS);
             FakeBotConnector connector = new FakeBotConnector();
             WebhookReceiver receiver = new WebhookReceiver(WEBHOOK_SECRET, Clock.systemUTC()).start()) {
            Map<String, String> env = environment(EmbeddedPostgresDatabase.jdbcUrl(relay.port()), slack, bigCommerce, receiver,
                    scratch.resolve("data"));
            out.printf("Soak: %d merchants, %d s of load with faults, on PostgreSQL behind a relay%n", plan.merchants(),
                    plan.load().toSeconds());
            try (ServerProcess server = ServerProcess.start("soak", env, secrets);
                 ServerProcess idle = plan.idleBaseline()
                         ? ServerProcess.start("idle", idleEnvironment(postgres, env, scratch.resolve("idle")), secrets) : null;
                 SlackWatch slackWatch = new SlackWatch(slack, SLACK_ENGINEERS, secrets);
                 TeamsWatch teamsWatch = new TeamsWatch(connector, TEAMS_ENGINEERS, secrets)) {
                return load(plan, out, new Parts(postgres, relay, bigCommerce, slack, connector, receiver, server, idle,
                        slackWatch, teamsWatch, secrets));
            }
        }
    }

    /** Everything a soak runs against. */
    private record Parts(EmbeddedPostgresDatabase postgres, TcpFaultProxy relay, FakeBigCommerce bigCommerce,
                         FakeSlackApi slack, FakeBotConnector connector, WebhookReceiver receiver, ServerProcess server,
                         ServerProcess idle, SlackWatch slackWatch, TeamsWatch teamsWatch, Secrets secrets) {
    }

    private static SoakReport load(SoakPlan plan, PrintStream out, Parts parts) throws Exception {
        long begun = System.nanoTime();
        List<ServerProcess.Sample> samples = new CopyOnWriteArrayList<>();
        List<ServerProcess.Sample> idleSamples = new CopyOnWriteArrayList<>();
        sample(parts, begun, samples, idleSamples);
        String threadsAtStart = parts.server().threadsByName();
        Map<String, long[]> heapAtStart = parts.server().histogram();
        long loadEnd = System.nanoTime() + plan.load().toNanos();
        long drainEnd = loadEnd + plan.drain().toNanos();
        Tally tally = new Tally();
        Shared shared = new Shared(plan, tally, parts.secrets(), parts.bigCommerce(), loadEnd, drainEnd);
        ScheduledExecutorService chores = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "soak-chores");
            thread.setDaemon(true);
            return thread;
        });
        List<Thread> merchants = new ArrayList<>();
        AtomicInteger backlog = new AtomicInteger();
        try (Faults faults = Faults.start(parts.relay(), parts.slack(), parts.connector(), parts.bigCommerce(), plan, loadEnd)) {
            long every = plan.sampleEvery().toMillis();
            chores.scheduleWithFixedDelay(() -> quietly(out, () -> sample(parts, begun, samples, idleSamples)), every, every,
                    TimeUnit.MILLISECONDS);
            // Nobody reads the probes BigCommerce received; the fake would keep them all.
            chores.scheduleWithFixedDelay(parts.bigCommerce()::clearRequests, 5, 5, TimeUnit.SECONDS);
            chores.scheduleWithFixedDelay(() -> quietly(out, () -> progress(out, begun, tally, faults)), 30, 30, TimeUnit.SECONDS);
            Outbox outbox = new Outbox(parts.postgres().database());
            chores.scheduleWithFixedDelay(() -> quietly(out, () -> backlog.accumulateAndGet(outbox.pending(), Math::max)), 1, 1,
                    TimeUnit.SECONDS);
            URI slackEndpoint = URI.create("http://127.0.0.1:" + parts.server().port() + "/slack/events");
            URI teamsEndpoint = URI.create("http://127.0.0.1:" + parts.server().port() + "/api/messages");
            SlackRequests requests = new SlackRequests(SIGNING_SECRET, slackEndpoint, REQUEST_TIMEOUT);
            TeamsActivities activities = new TeamsActivities(parts.connector().serviceUrl());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int m = 0; m < plan.merchants(); m++) {
                Merchant merchant = m % 2 == 0
                        ? new SlackMerchant(m, shared, requests, parts.slack(), parts.slackWatch(), GENERAL)
                        : new TeamsMerchant(m, shared, activities, parts.teamsWatch(), http, teamsEndpoint);
                Thread thread = new Thread(merchant, "soak-merchant-" + m);
                thread.setDaemon(true);
                merchants.add(thread);
                thread.start();
            }
            for (Thread merchant : merchants) {
                merchant.join(Math.max(1, (drainEnd - System.nanoTime()) / 1_000_000));
            }
            out.printf("  soak: merchants done after %.0f s; waiting for the outbox: %s%n", seconds(begun), pending(parts));
            awaitOutbox(parts, drainEnd);
            double drained = (System.nanoTime() - loadEnd) / 1e9;
            out.printf("  soak: outbox drained after %.0f s; letting the server idle for %d s%n", seconds(begun),
                    plan.settle().toSeconds());
            Thread.sleep(plan.settle().toMillis());
            chores.shutdownNow();
            chores.awaitTermination(70, TimeUnit.SECONDS);
            ServerProcess.Sample settled = parts.server().sample(begun);
            ServerProcess.Sample idleEnd = parts.idle() == null ? null : parts.idle().sample(begun);
            Settled end = new Settled(settled, idleEnd, threadsAtStart, parts.server().threadsByName(),
                    HeapGrowth.between(heapAtStart, parts.server().histogram()));
            return report(plan, parts, tally, faults, samples, idleSamples, end, begun, loadEnd, new Drain(drained, backlog.get()));
        } finally {
            chores.shutdownNow();
            merchants.forEach(Thread::interrupt);
        }
    }

    /** How long after the load's end the outbox was empty, and the most deliveries it held at once. */
    private record Drain(double seconds, int peakBacklog) {
    }

    /** The servers once everything is over: heap and threads, and what grew in the heap since the start. */
    private record Settled(ServerProcess.Sample server, ServerProcess.Sample idle, String threadsAtStart, String threadsAtEnd,
                           List<String> heapGrowth) {
    }

    private static SoakReport report(SoakPlan plan, Parts parts, Tally tally, Faults faults,
                                     List<ServerProcess.Sample> samples, List<ServerProcess.Sample> idleSamples,
                                     Settled end, long begun, long loadEnd, Drain drain) {
        List<Journey> journeys = tally.journeys();
        Findings findings = SoakChecks.check(parts.postgres().database(), parts.receiver(), parts.slackWatch().engineerNotices(),
                parts.teamsWatch().engineerNotices(), journeys, faults.windows());
        long loadMillis = (loadEnd - begun) / 1_000_000;
        List<ServerProcess.Sample> duringLoad = samples.stream().filter(s -> s.atMillis() <= loadMillis).toList();
        List<ServerProcess.Sample> idleDuringLoad = idleSamples.stream().filter(s -> s.atMillis() <= loadMillis).toList();
        SoakReport.Journeys outcomes = new SoakReport.Journeys(journeys.size(),
                count(journeys, Journey.Outcome.COMPLETED, null), count(journeys, Journey.Outcome.TOLD_DONE_WITHOUT_RECEIPT, null),
                count(journeys, Journey.Outcome.ABANDONED, null),
                count(journeys, Journey.Outcome.UNFINISHED, null), count(journeys, Journey.Outcome.COMPLETED, Platform.SLACK),
                count(journeys, Journey.Outcome.COMPLETED, Platform.TEAMS));
        List<String> ownErrors = ownServerErrors(tally, faults.windows(), begun);
        SoakReport.Requests requests = new SoakReport.Requests(tally.requests(Platform.SLACK), tally.requests(Platform.TEAMS),
                tally.serverErrors(), tally.serverErrors() - ownErrors.size(), tally.noAnswer(), tally.slowAcks(Platform.SLACK),
                tally.slowestAckMillis(Platform.SLACK), tally.slowAcks(Platform.TEAMS), tally.slowestAckMillis(Platform.TEAMS),
                tally.slowDialogs(), tally.slowestDialogMillis(), tally.statuses(), ownErrors.stream().limit(5).toList(),
                byFault(tally, faults.windows()));
        SoakReport.Memory memory = new SoakReport.Memory(HeapTrend.of(duringLoad), end.server().usedMb(),
                parts.idle() == null ? null : HeapTrend.of(idleDuringLoad), samples.get(0).threads(),
                samples.stream().mapToInt(ServerProcess.Sample::threads).max().orElse(0), end.server().threads(),
                idleSamples.isEmpty() ? 0 : idleSamples.get(0).threads(), end.idle() == null ? 0 : end.idle().threads(),
                end.heapGrowth(), end.threadsAtStart(), end.threadsAtEnd());
        SoakReport.ServerLog log = new SoakReport.ServerLog(parts.server().warnings(), parts.server().errors(),
                parts.server().warningKinds(), parts.server().firstErrors());
        int slackMerchants = (plan.merchants() + 1) / 2;
        return new SoakReport(plan, slackMerchants, plan.merchants() - slackMerchants, loadMillis / 1000.0, drain.seconds(),
                drain.peakBacklog(), seconds(begun), outcomes, requests, faults.injected(), tally.failures(), findings, memory, log, parts.secrets().leaks(),
                parts.slack().problems().size(), tally.stumbles(), stuck(journeys));
    }

    /** How the first few journeys that ended without a receipt got there: their last steps. */
    private static List<String> stuck(List<Journey> journeys) {
        return journeys.stream().filter(j -> j.outcome() != Journey.Outcome.COMPLETED).limit(4)
                .map(j -> j.label + ": " + String.join(" | ", j.notes())).toList();
    }

    /**
     * Whether a 5xx only passed on a Bot Connector failure: the bot answers 502, and only 502, when the connector
     * refused its reply or did not take it within the bot's timeout (while a connector fault was injected, or, on a
     * starved machine, when the fake connector was merely slow).
     */
    private static boolean gateway(long[] error) {
        return error[1] == 502;
    }

    /** The other 5xx answers: when, which status, and the last fault before them. */
    private static List<String> ownServerErrors(Tally tally, List<Faults.Window> faults, long begun) {
        return tally.serverErrorTimes().stream().filter(error -> !gateway(error)).map(error -> {
            String last = faults.stream().filter(w -> w.from() <= error[0]).reduce((a, b) -> b)
                    .map(w -> w.kind().label() + (w.to() >= error[0] ? " (in force)"
                            : String.format(" (ended %.1f s before)", (error[0] - w.to()) / 1e9)))
                    .orElse("none");
            return String.format("HTTP %d at %.1f s; last fault: %s", error[1], (error[0] - begun) / 1e9, last);
        }).toList();
    }

    private static int count(List<Journey> journeys, Journey.Outcome outcome, Platform platform) {
        return (int) journeys.stream().filter(j -> j.outcome() == outcome && (platform == null || j.platform == platform)).count();
    }

    private static void sample(Parts parts, long begun, List<ServerProcess.Sample> samples, List<ServerProcess.Sample> idleSamples) {
        samples.add(parts.server().sample(begun));
        if (parts.idle() != null) {
            idleSamples.add(parts.idle().sample(begun));
        }
    }

    /** Waits until every hand-off is delivered everywhere (or given up), or the drain's time is up. */
    private static void awaitOutbox(Parts parts, long drainEnd) throws InterruptedException {
        Outbox outbox = new Outbox(parts.postgres().database());
        while (System.nanoTime() < drainEnd && outbox.pending() > 0) {
            Thread.sleep(500);
        }
    }

    /** What the outbox still holds, by destination: how many, the most attempts made, the furthest next attempt. */
    private static String pending(Parts parts) {
        try (Connection connection = parts.postgres().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT destination, COUNT(*), MAX(attempts),"
                     + " EXTRACT(EPOCH FROM MAX(next_attempt_at) - NOW()) FROM outbox"
                     + " WHERE delivered_at IS NULL AND given_up_at IS NULL GROUP BY destination")) {
            List<String> held = new ArrayList<>();
            while (rows.next()) {
                held.add(String.format("%s %d (up to %d attempts, next in up to %.0f s)", rows.getString(1), rows.getInt(2),
                        rows.getInt(3), rows.getDouble(4)));
            }
            return held.isEmpty() ? "empty" : String.join(", ", held);
        } catch (SQLException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /**
     * The answers over their limit (how many, the slowest) and the 5xx answers, by the fault in force when they were
     * asked, or failing one the fault that ended within the last 5 s.
     */
    private static Map<String, String> byFault(Tally tally, List<Faults.Window> faults) {
        Map<String, long[]> byFault = new TreeMap<>();
        for (long[] slow : tally.slowTimes()) {
            String key = Platform.values()[(int) slow[2]] + (slow[3] == 1 ? " dialog submissions over 15 s" : " answers over 3 s")
                    + ", " + faultAt(slow[0], faults);
            long[] tallied = byFault.computeIfAbsent(key, k -> new long[2]);
            tallied[0]++;
            tallied[1] = Math.max(tallied[1], slow[1]);
        }
        for (long[] error : tally.serverErrorTimes()) {
            byFault.computeIfAbsent("HTTP " + error[1] + " answers, " + faultAt(error[0], faults), k -> new long[2])[0]++;
        }
        Map<String, String> lines = new TreeMap<>();
        byFault.forEach((key, tallied) -> lines.put(key, tallied[1] == 0 ? String.valueOf(tallied[0])
                : String.format("%d (slowest %.1f s)", tallied[0], tallied[1] / 1000.0)));
        return lines;
    }

    /** The fault in force at {@code nanos}, else the one that ended within the 5 s before, else "no fault". */
    private static String faultAt(long nanos, List<Faults.Window> faults) {
        long grace = Duration.ofSeconds(5).toNanos();
        return faults.stream().filter(w -> nanos >= w.from() && nanos <= w.to()).findFirst()
                .or(() -> faults.stream().filter(w -> nanos > w.to() && nanos <= w.to() + grace).reduce((a, b) -> b))
                .map(w -> w.kind().label()).orElse("no fault");
    }

    /** Runs a chore; a failure is told and the chore runs again next time (a scheduled task that throws never does). */
    private static void quietly(PrintStream out, Runnable chore) {
        try {
            chore.run();
        } catch (RuntimeException e) {
            out.println("  soak: a chore failed this time: " + e.getMessage());
        }
    }

    private static void progress(PrintStream out, long begun, Tally tally, Faults faults) {
        List<Journey> journeys = tally.journeys();
        FaultKind now = faults.current();
        out.printf("  soak: %3.0f s, %d journeys started, %d completed%s%n", seconds(begun), journeys.size(),
                journeys.stream().filter(j -> j.outcome() == Journey.Outcome.COMPLETED).count(),
                now == null ? "" : "; now: " + now.label());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Map<String, String> environment(String databaseUrl, FakeSlackApi slack, FakeBigCommerce bigCommerce,
                                                   WebhookReceiver receiver, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("BIND_ADDRESS", "127.0.0.1");
        env.put("DATA_DIR", dataDir.toString());
        env.put("DATABASE_URL", databaseUrl);
        env.put("CREDENTIALS_KEY", KEY);
        env.put("PUBLIC_BASE_URL", "https://bot.example.com");
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.url());
        env.put("HANDOFF_SLACK_CHANNEL", SLACK_ENGINEERS);
        env.put("HANDOFF_TEAMS_CHANNEL", TEAMS_ENGINEERS);
        env.put("HANDOFF_WEBHOOK_URL", receiver.url().toString());
        env.put("HANDOFF_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("BIGCOMMERCE_API_URL", bigCommerce.origin().toString());
        return env;
    }

    /** The same server on a database of its own on the same PostgreSQL, straight (nothing is injected into it). */
    private static Map<String, String> idleEnvironment(EmbeddedPostgresDatabase postgres, Map<String, String> env, Path dataDir)
            throws SQLException {
        try (Connection connection = postgres.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE idle");
        }
        Map<String, String> idle = new HashMap<>(env);
        idle.put("DATA_DIR", dataDir.toString());
        idle.put("DATABASE_URL", EmbeddedPostgresDatabase.jdbcUrl(postgres.port()).replace("/postgres?", "/idle?"));
        return idle;
    }
}
