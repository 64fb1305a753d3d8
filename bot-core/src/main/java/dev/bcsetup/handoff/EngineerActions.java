package dev.bcsetup.handoff;

/**
 * What an engineer's Reveal and Mark received buttons (and the channel registration) ask of the core, which decides against
 * {@code ENGINEERS} and audits. {@link HandOffs} is the implementation; adapter tests answer for it.
 */
public interface EngineerActions {

    /** The hand-off's credentials for an authorised engineer; refused, gone or unknown otherwise. */
    RevealResult reveal(String handOffId, Engineer engineer);

    /** Records that the engineer's migration system has the credentials, so they can be purged. */
    MarkResult markReceived(String handOffId, Engineer engineer);

    /**
     * Whether this person may make a chat the engineers' channel, where hand-offs and "I'm stuck" requests are
     * posted: only someone listed in {@code ENGINEERS}. The answer is written to the audit log.
     */
    boolean mayRegisterChannel(Engineer engineer, String channelId);
}
