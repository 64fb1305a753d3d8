package dev.bcsetup.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose setup this is: a user in a workspace (Slack) or tenant (Teams), and, when a support agent
 * runs the flow for a customer, that customer. {@code user} is then the agent.
 */
public record SessionKey(Platform platform, String workspace, String user, String customer) {

    public SessionKey {
        Objects.requireNonNull(platform, "platform");
        requireText(workspace, "workspace");
        requireText(user, "user");
        if (customer != null && customer.isBlank()) {
            customer = null;
        }
    }

    /** A merchant's own setup. */
    public static SessionKey own(Platform platform, String workspace, String user) {
        return new SessionKey(platform, workspace, user, null);
    }

    /** A setup an agent runs for a customer. */
    public static SessionKey onBehalf(Platform platform, String workspace, String agent, String customer) {
        return new SessionKey(platform, workspace, agent, Objects.requireNonNull(customer, "customer"));
    }

    public Optional<String> customerId() {
        return Optional.ofNullable(customer);
    }

    /** The person whose store it is: the customer when an agent acts for one, else the user. */
    public String merchant() {
        return customer != null ? customer : user;
    }

    /** The agent who launched the flow for a customer, if one did. */
    public Optional<String> agent() {
        return customer != null ? Optional.of(user) : Optional.empty();
    }

    /** Who may move the flow on: the merchant, and the agent who launched it for them. */
    public boolean mayAct(Actor actor) {
        return actor.id().equals(user) || actor.id().equals(customer);
    }

    /** Who may hand over credentials: the merchant only, so an agent never handles the secret. */
    public boolean maySubmit(Actor actor) {
        return actor.id().equals(merchant());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
