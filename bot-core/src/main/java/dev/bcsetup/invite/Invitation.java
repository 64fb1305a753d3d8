package dev.bcsetup.invite;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.Direction;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time link's promise: a support agent ({@code agent} in {@code workspace}) asks the customer they named to walk
 * the setup in a browser, optionally already knowing which way the data goes.
 */
public record Invitation(String workspace, String agent, String customer, Optional<Direction> direction, String locale,
                         Instant createdAt, Instant expiresAt) {

    public Invitation {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(direction, "direction");
    }

    /** The setup the link opens: the agent's, for the customer, in the browser, so the hand-off names both. */
    public SessionKey sessionKey() {
        return SessionKey.onBehalf(Platform.WEB, workspace, agent, customer);
    }
}
