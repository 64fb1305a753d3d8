package dev.bcsetup.handoff;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engineers' channels are told about one validated credential set. It holds masked values
 * only: the secret is revealed on request, to an authorised engineer, through {@code HandOffs.reveal}.
 */
public record HandOffNotice(
        String handOffId,
        String reference,
        String storeHash,
        String storeName,
        String storeDomain,
        String apiPath,
        Direction direction,
        Set<DataSet> dataSets,
        List<ScopeSummary> scopes,
        String maskedClientId,
        String maskedAccessToken,
        Submitter submitter,
        Instant submittedAt) {

    public HandOffNotice {
        Objects.requireNonNull(handOffId, "handOffId");
        Objects.requireNonNull(reference, "reference");
        dataSets = Set.copyOf(dataSets);
        scopes = List.copyOf(scopes);
    }

    /** One scope of the validation report, in control-panel words. */
    public record ScopeSummary(String scope, String access, String status) {
    }

    /** Who handed the credentials over, and the support agent who launched the setup for them, if any. */
    public record Submitter(Platform platform, String workspace, String merchant, Optional<String> agent) {
    }
}
