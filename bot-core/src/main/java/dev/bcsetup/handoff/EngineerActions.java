package dev.bcsetup.handoff;

/**
 * What an engineer's Reveal and Mark received buttons ask of the core, which decides against
 * {@code ENGINEERS} and audits. {@link HandOffs} is the implementation; adapter tests answer for it.
 */
public interface EngineerActions {

    /** The hand-off's credentials for an authorised engineer; refused, gone or unknown otherwise. */
    RevealResult reveal(String handOffId, Engineer engineer);

    /** Records that the engineer's migration system has the credentials, so they can be purged. */
    MarkResult markReceived(String handOffId, Engineer engineer);
}
