package dev.bcsetup.bench;

import dev.bcsetup.server.soak.Findings;
import dev.bcsetup.server.soak.Soak;
import dev.bcsetup.server.soak.SoakPlan;
import dev.bcsetup.server.soak.SoakReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 8's soak at full length ({@code -Dbench.soak.minutes}, 5 by default): 100 merchants, half in Slack and half in
 * Teams, through every kind of fault, against the bot on PostgreSQL in a JVM of its own; its own table first, then
 * its headline figures as rows of the bench's table, the heap beside the same server idle.
 */
final class SoakBench {

    private SoakBench() {
    }

    static List<Row> run() throws Exception {
        Duration load = Duration.ofMinutes(Long.getLong("bench.soak.minutes", 5));
        SoakReport report = Soak.run(SoakPlan.bench(load), System.out);
        System.out.println();
        System.out.println(report.table());
        report.memory().heapGrowth().forEach(line -> System.out.println("  heap grew most: " + line));
        System.out.println("  threads at the start: " + report.memory().threadsAtStart());
        System.out.println("  threads at the end: " + report.memory().threadsAtEnd());
        report.log().warningKinds().forEach((kind, count) -> System.out.println("  server warned " + count + " x: " + kind));
        report.stuck().forEach(journey -> System.out.println("  without a receipt: " + journey));
        report.violations().forEach(broken -> System.out.println("  INVARIANT BROKEN: " + broken));

        Findings found = report.findings();
        SoakReport.Journeys journeys = report.journeys();
        SoakReport.Memory memory = report.memory();
        String prefix = String.format("Soak, %d merchants, %d min, every fault: ", report.plan().merchants(), load.toMinutes());
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(prefix + "hand-offs lost", String.valueOf(found.losses()),
                String.format("%d hand-offs, %d receipts seen", found.handOffs(), found.receipts()), "", "0", found.losses() == 0));
        rows.add(Row.of(prefix + "deliveries duplicated (webhook, Slack, Teams)", String.valueOf(found.duplicates()),
                found.duplicatesAfterHang() + " posted again to a channel after it hung", "", "0 but after a hang",
                found.duplicates() == found.duplicatesAfterHang()));
        rows.add(Row.of(prefix + "journeys ended with a receipt", String.format("%,d of %,d", journeys.completed(),
                journeys.started()), String.format("%d told done without it, %d abandoned, %d unfinished", journeys.toldDone(),
                journeys.abandoned(), journeys.unfinished()), "", "all", journeys.completed() == journeys.started()));
        SoakReport.Requests requests = report.requests();
        long own = requests.serverErrors() - requests.gatewayErrors();
        rows.add(Row.of(prefix + "5xx answers of the bot's own", String.valueOf(own),
                requests.gatewayErrors() + " x 502: the Bot Connector refused or did not take the reply", "", "0", own == 0));
        rows.add(Row.info(prefix + "outbox: most deliveries waiting at once, empty after the load's end",
                String.format("%,d, %.0f s later", report.outboxPeak(), report.drainedSeconds()), "", ""));
        rows.add(Row.info(prefix + "answers over 3 s, Slack / Teams (slowest)", String.format("%,d (%.1f s) / %,d (%.1f s)",
                requests.slackSlowAcks(), requests.slackSlowestMs() / 1000.0, requests.teamsSlowAcks(),
                requests.teamsSlowestMs() / 1000.0), String.format("of %,d / %,d requests", requests.slack(), requests.teams()), ""));
        double perJourney = (memory.settledMb() - memory.heap().startMb()) * 1000 / Math.max(1, journeys.started());
        rows.add(Row.info(prefix + "heap kept once the server settled, per journey", String.format("%.1f KB", perJourney),
                String.format("%+.1f MB in all; the idle server %+.1f MB", memory.settledMb() - memory.heap().startMb(),
                        memory.idleHeap() == null ? 0 : memory.idleHeap().endMb() - memory.idleHeap().startMb()), ""));
        String idleSlope = memory.idleHeap() == null ? "" : String.format("%+.2f MB/min the same server idle",
                memory.idleHeap().slopeMbPerMinute());
        rows.add(Row.info(prefix + "heap slope after GC, second half of the load",
                String.format("%+.2f MB/min", memory.heap().slopeMbPerMinute()), idleSlope, ""));
        rows.add(Row.info(prefix + "heap after GC: start / middle / end of load / settled",
                String.format("%.1f / %.1f / %.1f / %.1f MB", memory.heap().startMb(), memory.heap().middleMb(),
                        memory.heap().endMb(), memory.settledMb()),
                memory.idleHeap() == null ? "" : String.format("%.1f / %.1f / %.1f MB idle", memory.idleHeap().startMb(),
                        memory.idleHeap().middleMb(), memory.idleHeap().endMb()), ""));
        rows.add(Row.info(prefix + "threads: start / peak / settled", String.format("%d / %d / %d", memory.threadsStart(),
                memory.threadsPeak(), memory.threadsEnd()), String.format("%d / %d idle", memory.idleThreadsStart(),
                memory.idleThreadsEnd()), ""));
        return rows;
    }
}
