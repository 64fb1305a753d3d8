package dev.bcsetup.slack;

import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.RevealResult;

/**
 * What the Reveal and Mark received buttons in the engineers' channel ask of the core: a test seam and the
 * shape the hand-off service answers to. Who may do either is decided there, never in Slack.
 */
public interface EngineerActions {

    /** The hand-off's credentials for an authorised engineer; refused, gone or unknown otherwise. Audited. */
    RevealResult reveal(String handOffId, Engineer engineer);

    /** Records that the engineer has the credentials (so they can be purged); false when refused or unknown. */
    boolean markReceived(String handOffId, Engineer engineer);
}
