package dev.bcsetup.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.handoff.HandOff.PurgeReason;
import dev.bcsetup.handoff.HandOffNotice.ScopeSummary;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hand-offs, their outbox entries and the audit log in the {@link Database}. A new hand-off, its outbox
 * entries and its audit line are written in one transaction, so a crash leaves all of them or none.
 */
public final class HandOffRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, reference, platform, workspace, user_id, customer, session_version,"
            + " store_hash, store_name, store_domain, direction, data_sets, scopes, submitted_at, received_at,"
            + " received_by, purged_at, purge_reason";
    private static final String INSERT = "INSERT INTO hand_offs (id, reference, platform, workspace, user_id, customer,"
            + " session_version, store_hash, store_name, store_domain, direction, data_sets, scopes, submitted_at,"
            + " sealed_secret, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OUTBOX = "INSERT INTO outbox (hand_off_id, destination, next_attempt_at) VALUES (?, ?, ?)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_log (at, platform, workspace, actor, action, hand_off_id,"
            + " outcome) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String PURGE = "UPDATE hand_offs SET sealed_secret = NULL, key_id = NULL, purged_at = ?,"
            + " purge_reason = ? WHERE id = ? AND sealed_secret IS NOT NULL";
    private static final String DROP_UNDELIVERED = "DELETE FROM outbox WHERE hand_off_id = ? AND delivered_at IS NULL";

    private final Jdbc jdbc;

    public HandOffRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** A sealed secret and the id of the key that sealed it. */
    public record Sealed(String text, String keyId) {
        @Override
        public String toString() {
            return "Sealed[" + keyId + "]";
        }
    }

    /**
     * Stores a new hand-off with one outbox entry per destination, due now, and its audit line.
     *
     * @return false when this submission (session and version) or the id or reference is stored already
     */
    public boolean insert(HandOff handOff, Sealed secret, List<String> destinations, AuditEntry audit) {
        try {
            return jdbc.inTransaction("store a hand-off in", connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    SessionKey key = handOff.session();
                    insert.setString(1, handOff.id());
                    insert.setString(2, handOff.reference());
                    insert.setString(3, key.platform().name());
                    insert.setString(4, key.workspace());
                    insert.setString(5, key.user());
                    insert.setString(6, key.customerId().orElse(""));
                    insert.setLong(7, handOff.sessionVersion());
                    insert.setString(8, handOff.storeHash());
                    insert.setString(9, handOff.storeName());
                    insert.setString(10, handOff.storeDomain());
                    insert.setString(11, handOff.direction().name());
                    insert.setString(12, handOff.dataSets().stream().sorted().map(DataSet::name).collect(Collectors.joining(",")));
                    insert.setString(13, scopesJson(handOff.scopes()));
                    Jdbc.set(insert, 14, handOff.submittedAt());
                    insert.setString(15, secret.text());
                    insert.setString(16, secret.keyId());
                    insert.executeUpdate();
                }
                try (PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX)) {
                    for (String destination : destinations) {
                        outbox.setString(1, handOff.id());
                        outbox.setString(2, destination);
                        Jdbc.set(outbox, 3, handOff.submittedAt());
                        outbox.executeUpdate();
                    }
                }
                audit(connection, audit);
                return true;
            });
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    public Optional<HandOff> find(String id) {
        return jdbc.once("read a hand-off from", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM hand_offs WHERE id = ?")) {
                select.setString(1, id);
                return first(select);
            }
        });
    }

    /** The hand-off made from one submission: the session, at the version it had when the credentials were sent. */
    public Optional<HandOff> findBySubmission(SessionKey key, long sessionVersion) {
        return jdbc.once("read a hand-off from", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM hand_offs WHERE"
                    + " platform = ? AND workspace = ? AND user_id = ? AND customer = ? AND session_version = ?")) {
                bindKey(select, key);
                select.setLong(5, sessionVersion);
                return first(select);
            }
        });
    }

    /** The setup's most recent hand-off, whatever became of its secret since. */
    public Optional<HandOff> latest(SessionKey key) {
        return jdbc.once("read a hand-off from", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM hand_offs WHERE"
                    + " platform = ? AND workspace = ? AND user_id = ? AND customer = ? ORDER BY submitted_at DESC LIMIT 1")) {
                bindKey(select, key);
                return first(select);
            }
        });
    }

    /** The session's hand-offs whose secret is still stored and which no engineer has marked received. */
    public List<HandOff> withdrawable(SessionKey key) {
        return jdbc.once("read hand-offs from", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM hand_offs WHERE"
                    + " platform = ? AND workspace = ? AND user_id = ? AND customer = ?"
                    + " AND sealed_secret IS NOT NULL AND received_at IS NULL ORDER BY submitted_at")) {
                bindKey(select, key);
                return all(select);
            }
        });
    }

    public Optional<Sealed> sealedSecret(String id) {
        return jdbc.once("read a sealed secret from", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sealed_secret, key_id FROM hand_offs WHERE id = ? AND sealed_secret IS NOT NULL")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Sealed(row.getString(1), row.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** Records the receipt, and its audit line, unless one is recorded already; true if this call recorded it. */
    public boolean markReceived(String id, Instant at, String by, AuditEntry audit) {
        return jdbc.inTransaction("mark a hand-off received in", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE hand_offs SET received_at = ?, received_by = ? WHERE id = ? AND received_at IS NULL")) {
                Jdbc.set(update, 1, at);
                update.setString(2, by);
                update.setString(3, id);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            audit(connection, audit);
            return true;
        });
    }

    /**
     * Removes the secret, keeping the rest; with {@code dropUndelivered} also the outbox entries not yet
     * delivered (a withdrawal). True if this call removed it.
     */
    public boolean purge(String id, Instant at, PurgeReason reason, boolean dropUndelivered, AuditEntry audit) {
        return jdbc.inTransaction("purge a secret in", connection -> {
            try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
                Jdbc.set(purge, 1, at);
                purge.setString(2, reason.name());
                purge.setString(3, id);
                if (purge.executeUpdate() == 0) {
                    return false;
                }
            }
            if (dropUndelivered) {
                try (PreparedStatement drop = connection.prepareStatement(DROP_UNDELIVERED)) {
                    drop.setString(1, id);
                    drop.executeUpdate();
                }
            }
            audit(connection, audit);
            return true;
        });
    }

    /** Ids of hand-offs whose secret is due for removal: received before {@code receivedBefore}. */
    public List<String> receivedBefore(Instant receivedBefore) {
        return ids("SELECT id FROM hand_offs WHERE sealed_secret IS NOT NULL AND received_at < ?", receivedBefore);
    }

    /** Ids of hand-offs whose secret is due for removal: submitted before {@code submittedBefore}. */
    public List<String> submittedBefore(Instant submittedBefore) {
        return ids("SELECT id FROM hand_offs WHERE sealed_secret IS NOT NULL AND submitted_at < ?", submittedBefore);
    }

    /** Ids of hand-offs whose secret was sealed with a key other than {@code keyId}. */
    public List<String> sealedWithOtherThan(String keyId, int limit) {
        return jdbc.once("find secrets to re-encrypt in", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM hand_offs"
                    + " WHERE sealed_secret IS NOT NULL AND key_id <> ? ORDER BY submitted_at LIMIT " + limit)) {
                select.setString(1, keyId);
                return strings(select);
            }
        });
    }

    /** Replaces a sealed secret, only if it is still {@code expected} (a purge or another instance may have won). */
    public boolean replaceSealed(String id, Sealed expected, Sealed replacement) {
        return jdbc.once("re-encrypt a secret in", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE hand_offs SET sealed_secret = ?, key_id = ? WHERE id = ? AND sealed_secret = ?")) {
                update.setString(1, replacement.text());
                update.setString(2, replacement.keyId());
                update.setString(3, id);
                update.setString(4, expected.text());
                return update.executeUpdate() == 1;
            }
        });
    }

    public void audit(AuditEntry entry) {
        jdbc.once("write the audit log in", connection -> {
            audit(connection, entry);
            return null;
        });
    }

    /** Every audit line about one hand-off, oldest first. */
    public List<AuditEntry> auditOf(String handOffId) {
        return jdbc.once("read the audit log from", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT at, platform, workspace, actor, action,"
                    + " hand_off_id, outcome FROM audit_log WHERE hand_off_id = ? ORDER BY id")) {
                select.setString(1, handOffId);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new AuditEntry(Jdbc.instant(row, "at"), Platform.valueOf(row.getString("platform")),
                                row.getString("workspace"), row.getString("actor"),
                                AuditEntry.Action.valueOf(row.getString("action")), row.getString("hand_off_id"),
                                row.getString("outcome")));
                    }
                }
                return entries;
            }
        });
    }

    private static void audit(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AUDIT)) {
            Jdbc.set(insert, 1, entry.at());
            insert.setString(2, entry.platform().name());
            insert.setString(3, entry.workspace() == null ? "" : entry.workspace());
            insert.setString(4, entry.actor());
            insert.setString(5, entry.action().name());
            insert.setString(6, entry.handOffId());
            insert.setString(7, entry.outcome());
            insert.executeUpdate();
        }
    }

    private List<String> ids(String sql, Instant before) {
        return jdbc.once("find secrets to purge in", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Jdbc.set(select, 1, before);
                return strings(select);
            }
        });
    }

    private static List<String> strings(PreparedStatement select) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    private static void bindKey(PreparedStatement statement, SessionKey key) throws SQLException {
        statement.setString(1, key.platform().name());
        statement.setString(2, key.workspace());
        statement.setString(3, key.user());
        statement.setString(4, key.customerId().orElse(""));
    }

    private static Optional<HandOff> first(PreparedStatement select) throws SQLException {
        List<HandOff> found = all(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<HandOff> all(PreparedStatement select) throws SQLException {
        List<HandOff> found = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                found.add(handOff(row));
            }
        }
        return found;
    }

    private static HandOff handOff(ResultSet row) throws SQLException {
        SessionKey key = new SessionKey(Platform.valueOf(row.getString("platform")), row.getString("workspace"),
                row.getString("user_id"), row.getString("customer"));
        Optional<HandOff.Received> received = Jdbc.optionalInstant(row, "received_at")
                .map(at -> new HandOff.Received(at, row(row, "received_by")));
        Optional<HandOff.Purge> purge = Jdbc.optionalInstant(row, "purged_at")
                .map(at -> new HandOff.Purge(at, PurgeReason.valueOf(row(row, "purge_reason"))));
        return new HandOff(row.getString("id"), row.getString("reference"), key, row.getLong("session_version"),
                row.getString("store_hash"), row.getString("store_name"), row.getString("store_domain"),
                Direction.valueOf(row.getString("direction")), dataSets(row.getString("data_sets")),
                scopes(row.getString("scopes")), Jdbc.instant(row, "submitted_at"), received, purge);
    }

    private static String row(ResultSet row, String column) {
        try {
            return row.getString(column);
        } catch (SQLException e) {
            throw new StorageException("could not read " + column + " of a hand-off", e);
        }
    }

    private static Set<DataSet> dataSets(String names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(names.split(",")).map(DataSet::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataSet.class)));
    }

    private static String scopesJson(List<ScopeSummary> scopes) {
        try {
            return JSON.writeValueAsString(scopes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scope lines cannot be written as JSON", e);
        }
    }

    private static List<ScopeSummary> scopes(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ScopeSummary>>() { });
        } catch (JsonProcessingException e) {
            throw new StorageException("a hand-off's scope lines are not valid JSON", e);
        }
    }
}
