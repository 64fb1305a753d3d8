package dev.bcsetup.server.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.handoff.WebhookReceiver;
import dev.bcsetup.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After the soak: every hand-off stored (read straight from PostgreSQL, not through the relay) against the receipts
 * the merchants saw, the webhook's deliveries, and the engineers' notices in Slack and Teams.
 */
final class SoakChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXAMPLES = 12;

    /** One stored hand-off: whose it is, and whether the outbox is done with each destination. */
    private record Stored(String id, String reference, String owner) {
    }

    private SoakChecks() {
    }

    /** How long after a hang ends its held calls count as answered on release. */
    private static final long RELEASE_NANOS = 3_000_000_000L;

    /**
     * {@code slackNotices} and {@code teamsNotices}: when each copy of each hand-off's notice reached the engineers'
     * channel; {@code faults}: when each fault was in force, to tell a repeat after a hang from any other.
     */
    static Findings check(Database database, WebhookReceiver receiver, Map<String, List<Long>> slackNotices,
                          Map<String, List<Long>> teamsNotices, List<Journey> journeys, List<Faults.Window> faults) {
        Map<String, Stored> byReference = new HashMap<>();
        int pending;
        int givenUp;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT id, reference, platform, workspace, user_id FROM hand_offs")) {
                while (rows.next()) {
                    byReference.put(rows.getString(2), new Stored(rows.getString(1), rows.getString(2),
                            owner(rows.getString(3), rows.getString(4), rows.getString(5))));
                }
            }
            pending = count(statement, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND given_up_at IS NULL");
            givenUp = count(statement, "SELECT COUNT(*) FROM outbox WHERE given_up_at IS NOT NULL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the hand-offs after the soak: " + e.getMessage(), e);
        }
        Map<String, Integer> webhook = new HashMap<>();
        receiver.accepted().values().forEach(body -> webhook.merge(reference(body), 1, Integer::sum));

        List<String> examples = new ArrayList<>();
        Map<String, Journey> journeyOf = new HashMap<>();
        Map<String, Integer> storedPerOwner = new HashMap<>();
        byReference.values().forEach(stored -> storedPerOwner.merge(stored.owner(), 1, Integer::sum));
        int receipts = 0;
        int notStored = 0;
        int crossed = 0;
        for (Journey journey : journeys) {
            journeyOf.put(owner(journey.platform.name(), journey.workspace, journey.user), journey);
            for (String reference : journey.receipts()) {
                receipts++;
                Stored stored = byReference.get(reference);
                if (stored == null) {
                    notStored++;
                    example(examples, journey.label + " saw receipt " + reference + ", which is not stored");
                } else if (!stored.owner().equals(owner(journey.platform.name(), journey.workspace, journey.user))) {
                    crossed++;
                    example(examples, journey.label + " saw receipt " + reference + " of " + stored.owner());
                }
            }
        }
        int missingAtWebhook = 0;
        int missingInSlack = 0;
        int missingInTeams = 0;
        int duplicatesInSlack = 0;
        int duplicatesInTeams = 0;
        int afterHang = 0;
        int afterTrouble = 0;
        int inSilence = 0;
        for (Stored stored : byReference.values()) {
            String reference = stored.reference();
            List<Long> inSlack = slackNotices.getOrDefault(reference, List.of());
            List<Long> inTeams = teamsNotices.getOrDefault(reference, List.of());
            missingAtWebhook += absent(examples, webhook.getOrDefault(reference, 0), reference, "the webhook");
            missingInSlack += absent(examples, inSlack.size(), reference, "the engineers' Slack channel");
            missingInTeams += absent(examples, inTeams.size(), reference, "the engineers' Teams channel");
            duplicatesInSlack += Math.max(0, inSlack.size() - 1);
            duplicatesInTeams += Math.max(0, inTeams.size() - 1);
            afterHang += repeatsAfterHang(inSlack, faults, FaultKind.SLACK_HANG) + repeatsAfterHang(inTeams, faults, FaultKind.CONNECTOR_HANG);
            Journey journey = journeyOf.get(stored.owner());
            if (journey == null || !journey.receipts().contains(reference)) {
                if (journey != null && journey.troubleAfterValid()) {
                    afterTrouble++;
                } else {
                    inSilence++;
                    example(examples, "hand-off " + reference + " of " + stored.owner() + " was stored but its merchant saw"
                            + " neither its receipt nor any trouble" + (journey == null ? "" : " (" + journey.troubles() + ")"));
                }
            }
        }
        int several = (int) storedPerOwner.values().stream().filter(n -> n > 1).count();
        return new Findings(byReference.size(), receipts, notStored, crossed, missingAtWebhook, missingInSlack, missingInTeams,
                receiver.repeats(), duplicatesInSlack, duplicatesInTeams, afterHang, afterTrouble, inSilence, several, pending, givenUp,
                receiver.badSignatures().size(), examples);
    }

    /**
     * The extra copies of a notice whose first copy arrived as a hang of that service ended: the bot's call had timed
     * out, so the outbox sent it again, and the held call went through on release. Neither Slack nor the Bot
     * Connector takes an idempotency key, so at least once is all a channel can get.
     */
    private static int repeatsAfterHang(List<Long> copies, List<Faults.Window> faults, FaultKind hang) {
        if (copies.size() < 2) {
            return 0;
        }
        long first = copies.get(0);
        boolean released = faults.stream().anyMatch(w -> w.kind() == hang && first >= w.from() && first <= w.to() + RELEASE_NANOS);
        return released ? copies.size() - 1 : 0;
    }

    private static int absent(List<String> examples, int copies, String reference, String where) {
        if (copies > 0) {
            return 0;
        }
        example(examples, "hand-off " + reference + " never reached " + where);
        return 1;
    }

    private static String owner(String platform, String workspace, String user) {
        return platform + "/" + workspace + "/" + user;
    }

    private static String reference(String webhookBody) {
        try {
            return JSON.readTree(webhookBody).path("reference").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("a webhook body that is not JSON", e);
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }
}
