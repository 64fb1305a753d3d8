package dev.bcsetup.server.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a soak measured: the merchants' journeys and what they met, the faults injected, the hand-offs set
 * against the receipts, and the server's heap and threads beside an idle copy of it. {@link #violations} lists the
 * invariants broken; {@link #table} is the Markdown table to read or paste. {@code drainedSeconds}: how long after the
 * load's end the outbox was empty; {@code outboxPeak}: the most deliveries it held. {@code stuck} shows how a few journeys
 * that ended without a receipt got there (their last steps).
 */
public record SoakReport(SoakPlan plan, int slackMerchants, int teamsMerchants, double loadSeconds, double drainedSeconds,
                         int outboxPeak, double wholeSeconds,
                         Journeys journeys, Requests requests, List<InjectedFault> faults, Map<String, Long> failures,
                         Findings findings, Memory memory, ServerLog log, List<String> secretLeaks,
                         int slackPayloadProblems, List<String> stumbles, List<String> stuck) {

    /**
     * Journeys started and how they ended, all and by platform. {@code toldDone}: the bot said the credentials had
     * passed, but the receipt with the reference never reached the merchant.
     */
    public record Journeys(int started, int completed, int toldDone, int abandoned, int unfinished, int slackCompleted,
                           int teamsCompleted) {
    }

    /**
     * Requests the merchants sent and how the bot answered; {@code gatewayErrors} are the 5xx that only passed on the
     * Bot Connector's own failure (a 502: it refused the reply, or did not take it in time). Answers over 3 s are counted by platform,
     * Teams dialog submissions (which may wait for the live check) apart, against Teams' 15 s. {@code ownServerErrors}
     * describes the first few 5xx that were not a Bot Connector failure passed on; {@code byFault} counts the slow
     * answers and the 5xx by the fault in force when they were asked.
     */
    public record Requests(long slack, long teams, long serverErrors, long gatewayErrors, long unanswered,
                           long slackSlowAcks, long slackSlowestMs, long teamsSlowAcks, long teamsSlowestMs,
                           long slowDialogs, long slowestDialogMs, Map<String, Long> statuses, List<String> ownServerErrors,
                           Map<String, String> byFault) {
    }

    /**
     * The soak server's heap over the load (and once it settled after the drain, {@code settledMb}) beside the idle
     * server's; the threads of each at the start, at the peak and at the end; the classes that grew most in the heap,
     * and the threads by name at the start and the end.
     */
    public record Memory(HeapTrend heap, double settledMb, HeapTrend idleHeap, int threadsStart, int threadsPeak,
                         int threadsEnd, int idleThreadsStart, int idleThreadsEnd, List<String> heapGrowth,
                         String threadsAtStart, String threadsAtEnd) {
    }

    /** The soak server's log: counts, its warnings by kind, and the first errors. */
    public record ServerLog(int warnings, int errors, Map<String, Integer> warningKinds, List<String> firstErrors) {
    }

    /** Heap growth from the first sample to the settled one that still counts as flat. */
    static final double HEAP_GROWTH_LIMIT_MB = 32;
    /**
     * Threads left after the drain and a minute's idling, beyond the start's and one per merchant, that still count as
     * no leak. Pools keep what they grew to under load: Jetty's retires one idle thread a minute and needs about one
     * per merchant waiting for an answer, the Bot Framework SDK's and the bot's own executors are bounded. A thread
     * leaked per journey or per request exceeds this within the first few hundred journeys.
     */
    static final int THREAD_GROWTH_BEYOND_MERCHANTS = 40;

    /** The invariants this soak broke; empty when nothing was lost, duplicated or leaked. */
    public List<String> violations() {
        List<String> broken = new ArrayList<>();
        if (journeys.completed() == 0) {
            broken.add("no journey reached a receipt");
        }
        faults.stream().filter(f -> f.count() == 0).forEach(f -> broken.add("never injected: " + f.kind().label()));
        if (findings.losses() > 0) {
            broken.add(findings.losses() + " lost: " + findings.examples());
        }
        if (findings.duplicates() > findings.duplicatesAfterHang()) {
            broken.add((findings.duplicates() - findings.duplicatesAfterHang()) + " duplicate deliveries not explained by a hang");
        }
        if (journeys.abandoned() + journeys.unfinished() > 0) {
            broken.add(journeys.abandoned() + " journeys abandoned and " + journeys.unfinished() + " unfinished at the end");
        }
        if (requests.serverErrors() > requests.gatewayErrors()) {
            broken.add((requests.serverErrors() - requests.gatewayErrors()) + " answers with a 5xx status of the bot's own: "
                    + requests.ownServerErrors());
        }
        if (findings.outboxPending() > 0) {
            broken.add(findings.outboxPending() + " deliveries still pending in the outbox");
        }
        if (findings.badSignatures() > 0) {
            broken.add(findings.badSignatures() + " webhook deliveries with a bad signature");
        }
        if (!secretLeaks.isEmpty()) {
            broken.add("secrets turned up in: " + secretLeaks.stream().distinct().toList());
        }
        if (!stumbles.isEmpty()) {
            broken.add("the soak's merchants stumbled: " + stumbles);
        }
        if (memory.settledMb() - memory.heap().startMb() > HEAP_GROWTH_LIMIT_MB) {
            broken.add(String.format("heap grew from %.1f MB to %.1f MB", memory.heap().startMb(), memory.settledMb()));
        }
        if (memory.threadsEnd() - memory.threadsStart() > plan.merchants() + THREAD_GROWTH_BEYOND_MERCHANTS) {
            broken.add("threads grew from " + memory.threadsStart() + " to " + memory.threadsEnd());
        }
        return broken;
    }

    /** One Markdown table of every figure. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("merchants (Slack + Teams), each journey a new person with a new store",
                String.format("%d (%d + %d)", slackMerchants + teamsMerchants, slackMerchants, teamsMerchants)));
        rows.add(row("load; then journeys finishing and the outbox draining; the outbox empty after the load's end",
                String.format("%.0f s; %.0f s; %.0f s", loadSeconds, wholeSeconds - loadSeconds - plan.settle().toSeconds(),
                        drainedSeconds)));
        rows.add(row("journeys completed with a receipt (Slack / Teams)", String.format("%,d (%,d / %,d) of %,d started",
                journeys.completed(), journeys.slackCompleted(), journeys.teamsCompleted(), journeys.started())));
        rows.add(row("journeys told 'already passed every check' without ever seeing their receipt",
                String.valueOf(journeys.toldDone())));
        rows.add(row("journeys abandoned (too many checks) / unfinished at the end",
                journeys.abandoned() + " / " + journeys.unfinished()));
        rows.add(row("requests: commands, clicks, form submissions (Slack / Teams)", String.format("%,d (%,d / %,d)",
                requests.slack() + requests.teams(), requests.slack(), requests.teams())));
        for (InjectedFault fault : faults) {
            rows.add(row("fault: " + fault.kind().label(), String.format("%d x, %.0f s", fault.count(), fault.seconds())));
        }
        failures.forEach((kind, count) -> rows.add(row("met by merchants: " + kind, String.format("%,d", count))));
        rows.add(row("5xx answers from the bot (of which 502 to Teams: the Bot Connector refused or did not take the reply)",
                String.format("%,d (%,d)", requests.serverErrors(), requests.gatewayErrors())));
        rows.add(row("requests not answered within 30 s", String.format("%,d", requests.unanswered())));
        rows.add(row("answers over 3 s: Slack / Teams, dialog submissions apart (slowest)", String.format(
                "%,d (%.1f s) / %,d (%.1f s)", requests.slackSlowAcks(), requests.slackSlowestMs() / 1000.0,
                requests.teamsSlowAcks(), requests.teamsSlowestMs() / 1000.0)));
        rows.add(row("Teams dialog submissions over 15 s (slowest)", String.format("%,d (%.1f s)", requests.slowDialogs(),
                requests.slowestDialogMs() / 1000.0)));
        requests.byFault().forEach((what, count) -> rows.add(row("... " + what, count)));
        rows.add(row("hand-offs stored / receipts seen", findings.handOffs() + " / " + findings.receipts()));
        rows.add(row("**losses** (receipt not stored, missing at webhook / Slack / Teams, stored in silence, given up)",
                String.format("**%d** (%d, %d / %d / %d, %d, %d)", findings.losses(),
                        findings.receiptsNotStored() + findings.receiptsOfAnotherMerchant(), findings.missingAtWebhook(),
                        findings.missingInSlack(), findings.missingInTeams(), findings.storedInSilence(), findings.outboxGivenUp())));
        rows.add(row("**duplicates** (webhook repeats / Slack / Teams notices; of which posted again after a hang)",
                String.format("**%d** (%d / %d / %d; %d)", findings.duplicates(), findings.webhookRepeats(),
                        findings.duplicatesInSlack(), findings.duplicatesInTeams(), findings.duplicatesAfterHang())));
        rows.add(row("hand-offs stored whose merchant met trouble before any receipt", String.valueOf(findings.storedAfterTrouble())));
        rows.add(row("merchants with more than one hand-off (sent again after trouble)", String.valueOf(findings.merchantsWithSeveral())));
        rows.add(row("outbox: most deliveries waiting at once / at the end: pending, given up",
                String.format("%,d / %d, %d", outboxPeak, findings.outboxPending(), findings.outboxGivenUp())));
        rows.add(row("heap after GC, server under load: start / middle / end of load / settled",
                String.format("%.1f / %.1f / %.1f / %.1f MB", memory.heap().startMb(), memory.heap().middleMb(),
                        memory.heap().endMb(), memory.settledMb())));
        rows.add(row("heap slope over the second half of the load", String.format("%+.2f MB/min", memory.heap().slopeMbPerMinute())));
        if (memory.idleHeap() != null) {
            rows.add(row("baseline, the same server idle: start / middle / end, slope over the second half",
                    String.format("%.1f / %.1f / %.1f MB, %+.2f MB/min", memory.idleHeap().startMb(), memory.idleHeap().middleMb(),
                            memory.idleHeap().endMb(), memory.idleHeap().slopeMbPerMinute())));
        }
        rows.add(row("threads: start / peak / end (idle server: start / end)", String.format("%d / %d / %d (%d / %d)",
                memory.threadsStart(), memory.threadsPeak(), memory.threadsEnd(), memory.idleThreadsStart(), memory.idleThreadsEnd())));
        rows.add(row("server log: warnings / errors", String.format("%,d / %,d", log.warnings(), log.errors())));
        rows.add(row("secrets in the log or sent to Slack or Teams", String.valueOf(secretLeaks.size())));
        rows.add(row("payloads Slack would refuse", String.valueOf(slackPayloadProblems)));
        StringBuilder table = new StringBuilder("| soak | |\n|---|---|\n");
        rows.forEach(r -> table.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n"));
        return table.toString();
    }

    private static String[] row(String figure, String value) {
        return new String[] {figure, value};
    }
}
