package dev.bcsetup.notify;

import dev.bcsetup.conversation.Effect;

/**
 * Tells the migration engineers something through one channel (Slack, Teams, the log). Each platform
 * adapter implements it; a notifier that fails throws, and the caller logs it and carries on.
 */
public interface EngineerNotifier {

    /** A merchant pressed "I'm stuck": someone should get in touch with them. */
    void merchantStuck(Effect.Escalate request);
}
