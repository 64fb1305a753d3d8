package dev.bcsetup.handoff;

import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.util.Objects;
import java.util.Set;

/**
 * Credentials that passed the live check, with the setup they came from: the session, at the version it
 * had when they were sent (one submission makes at most one hand-off), the migration, and the report.
 */
public record Submission(SessionKey key, long sessionVersion, Direction direction, Set<DataSet> dataSets,
                         Credentials credentials, ValidationReport report) {

    public Submission {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        dataSets = Set.copyOf(dataSets);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(report, "report");
    }
}
