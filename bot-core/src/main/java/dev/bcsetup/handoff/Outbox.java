package dev.bcsetup.handoff;

import dev.bcsetup.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Pending deliveries of hand-offs, shared by every instance on one database. A worker claims a due entry
 * with one conditional UPDATE that takes a lease; only the lease holder may record the result, and an
 * entry whose holder died becomes due again when its lease runs out.
 */
public final class Outbox {

    private static final int MAX_ERROR = 500;
    private static final String SELECT = "SELECT hand_off_id, destination, attempts, next_attempt_at, delivered_at,"
            + " given_up_at, last_error FROM outbox";
    private static final String IS_DUE = "delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?"
            + " AND (lease_until IS NULL OR lease_until < ?)";
    private static final String DUE = " WHERE " + IS_DUE;
    private static final String CLAIM = "UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
            + " WHERE hand_off_id = ? AND destination = ? AND " + IS_DUE;
    private static final String HELD = " WHERE hand_off_id = ? AND destination = ? AND lease_owner = ?"
            + " AND delivered_at IS NULL AND given_up_at IS NULL";

    private final Jdbc jdbc;

    public Outbox(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /**
     * Claims up to {@code limit} due entries for the given destinations; each claim counts as an attempt,
     * so an entry that crashes its worker every time still runs out of attempts.
     */
    public List<OutboxEntry> claim(Collection<String> destinations, String owner, Instant now, Duration lease, int limit) {
        if (destinations.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", destinations.stream().map(d -> "?").toList());
        List<OutboxEntry> due = jdbc.once("read due deliveries from", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + DUE + " AND destination IN (" + in + ")"
                    + " ORDER BY next_attempt_at LIMIT " + limit)) {
                int index = 1;
                Jdbc.set(select, index++, now);
                Jdbc.set(select, index++, now);
                for (String destination : destinations) {
                    select.setString(index++, destination);
                }
                return entries(select);
            }
        });
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry entry : due) {
            boolean mine = jdbc.once("claim a delivery in", connection -> {
                try (PreparedStatement update = connection.prepareStatement(CLAIM)) {
                    update.setString(1, owner);
                    Jdbc.set(update, 2, now.plus(lease));
                    update.setString(3, entry.handOffId());
                    update.setString(4, entry.destination());
                    Jdbc.set(update, 5, now);
                    Jdbc.set(update, 6, now);
                    return update.executeUpdate() == 1;
                }
            });
            if (mine) {
                claimed.add(new OutboxEntry(entry.handOffId(), entry.destination(), entry.attempts() + 1,
                        entry.nextAttemptAt(), Optional.empty(), Optional.empty(), entry.lastError()));
            }
        }
        return claimed;
    }

    /** Records a delivery; false if the lease was lost meanwhile (another worker took the entry over). */
    public boolean delivered(OutboxEntry entry, String owner, Instant now) {
        return update("UPDATE outbox SET delivered_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL" + HELD,
                entry, owner, now, null);
    }

    /** Records a failed attempt and when to try again. */
    public boolean retryAt(OutboxEntry entry, String owner, Instant next, String error) {
        return update("UPDATE outbox SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, last_error = ?" + HELD,
                entry, owner, next, java.util.Objects.requireNonNullElse(error, "unknown"));
    }

    /** Stops trying: the destination refused the hand-off for good. */
    public boolean giveUp(OutboxEntry entry, String owner, Instant now, String error) {
        return update("UPDATE outbox SET given_up_at = ?, lease_owner = NULL, lease_until = NULL, last_error = ?" + HELD,
                entry, owner, now, java.util.Objects.requireNonNullElse(error, "unknown"));
    }

    /** Every entry of one hand-off, by destination. */
    public List<OutboxEntry> entriesOf(String handOffId) {
        return jdbc.once("read deliveries from", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE hand_off_id = ? ORDER BY destination")) {
                select.setString(1, handOffId);
                return entries(select);
            }
        });
    }

    /** How many entries are neither delivered nor given up: for metrics and tests. */
    public int pending() {
        return jdbc.once("count pending deliveries in", connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND given_up_at IS NULL");
                    ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private boolean update(String sql, OutboxEntry entry, String owner, Instant at, String error) {
        return jdbc.once("record a delivery attempt in", connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int index = 1;
                Jdbc.set(update, index++, at);
                if (error != null) {
                    update.setString(index++, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
                }
                update.setString(index++, entry.handOffId());
                update.setString(index++, entry.destination());
                update.setString(index, owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static List<OutboxEntry> entries(PreparedStatement select) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                entries.add(new OutboxEntry(row.getString("hand_off_id"), row.getString("destination"), row.getInt("attempts"),
                        Jdbc.instant(row, "next_attempt_at"), Jdbc.optionalInstant(row, "delivered_at"),
                        Jdbc.optionalInstant(row, "given_up_at"), Optional.ofNullable(row.getString("last_error"))));
            }
        }
        return entries;
    }
}
