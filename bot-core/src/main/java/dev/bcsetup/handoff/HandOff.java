package dev.bcsetup.handoff;

import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.handoff.HandOffNotice.ScopeSummary;
import dev.bcsetup.handoff.HandOffNotice.Submitter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One validated credential set handed to the migration team, without its secret: what it is for, who sent
 * it, and where it stands (received, purged). The secret lives sealed beside it in storage.
 */
public record HandOff(
        String id,
        String reference,
        SessionKey session,
        long sessionVersion,
        String storeHash,
        String storeName,
        String storeDomain,
        Direction direction,
        Set<DataSet> dataSets,
        List<ScopeSummary> scopes,
        Instant submittedAt,
        Optional<Received> received,
        Optional<Purge> purge) {

    public HandOff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(submittedAt, "submittedAt");
        storeName = storeName == null ? "" : storeName;
        storeDomain = storeDomain == null ? "" : storeDomain;
        dataSets = Set.copyOf(dataSets);
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(purge, "purge");
    }

    /** An engineer said the migration system has the credentials. */
    public record Received(Instant at, String by) {
    }

    /** When and why the secret was removed; the rest of the record stays for the audit trail. */
    public record Purge(Instant at, PurgeReason reason) {
    }

    /** Why a secret was removed. */
    public enum PurgeReason {
        /** The grace period after an engineer marked it received ended. */
        RECEIVED,
        /** The retention period ended, received or not. */
        RETENTION,
        /** The merchant withdrew it. */
        WITHDRAWN
    }

    /** Who handed it over, and the agent who launched the setup for them, if one did. */
    public Submitter submitter() {
        return new Submitter(session.platform(), session.workspace(), session.merchant(), session.agent());
    }

    /** The store's canonical API path. */
    public String apiPath() {
        return "https://api.bigcommerce.com/stores/" + storeHash + "/v3/";
    }
}
