package dev.bcsetup.conversation;

import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.flow.ScopePlan;

/** Work the conversation asks for but does not do itself: whoever runs it performs these after saving. */
public sealed interface Effect {

    /** A merchant said they are stuck: route it to the people who can help. */
    record Escalate(SessionKey key, int stepNumber, String stepTitle) implements Effect {
    }

    /**
     * Prove submitted credentials against BigCommerce, hand them to the migration team if they pass, then tell
     * the conversation how it went. {@code submitted} is the session as stored when they were sent.
     */
    record Validate(SessionKey key, Actor actor, Credentials credentials, ScopePlan plan, Session submitted) implements Effect {
    }

    /** Withdraw the session's hand-offs the migration team has not received, then tell the conversation what went. */
    record Withdraw(SessionKey key, Actor actor) implements Effect {
    }
}
