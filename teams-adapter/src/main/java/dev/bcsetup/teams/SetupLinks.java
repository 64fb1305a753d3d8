package dev.bcsetup.teams;

import dev.bcsetup.flow.Direction;
import dev.bcsetup.invite.Invitations;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** One-time links to the setup in a browser, for customers who are not in a chat with the bot. */
public final class SetupLinks {

    /** A link made for an agent: its address (a bearer link: shown to the agent, never logged) and when it stops working. */
    record Link(String url, Instant expires) {
        @Override
        public String toString() {
            return "Link[expires=" + expires + "]";
        }
    }

    private final Invitations invitations;
    private final Supplier<URI> origin;

    /** {@code origin}: where the server is reached ({@code PUBLIC_BASE_URL}, or http://localhost:PORT in local mode). */
    public SetupLinks(Invitations invitations, Supplier<URI> origin) {
        this.invitations = invitations;
        this.origin = origin;
    }

    Link create(String tenant, String agent, String customer, Optional<Direction> direction, String locale) {
        Instant expires = invitations.expiryOfANewLink();
        String token = invitations.create(tenant, agent, customer, direction, locale);
        return new Link(origin.get() + "/setup/" + token, expires);
    }
}
