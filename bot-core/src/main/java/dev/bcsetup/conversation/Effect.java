package dev.bcsetup.conversation;

/** Work the conversation asks for but does not do itself: whoever runs it performs these after saving. */
public sealed interface Effect {

    /** A merchant said they are stuck: route it to the people who can help. */
    record Escalate(SessionKey key, int stepNumber, String stepTitle) implements Effect {
    }
}
