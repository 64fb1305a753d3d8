package dev.bcsetup.teams;

import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.HandOffs;
import dev.bcsetup.handoff.MarkResult;
import dev.bcsetup.handoff.RevealResult;

/**
 * What an engineer can do with a hand-off from its Teams card. The core's {@link HandOffs} decides (against
 * {@code ENGINEERS}) and audits; this adapter only asks. An interface so the card tests can answer for it.
 */
public interface EngineerActions {

    /** The hand-off's credentials for an authorised engineer, or why not. */
    RevealResult reveal(String handOffId, Engineer engineer);

    /** Records that the engineer has the credentials; false when they may not, or there is no such hand-off. */
    boolean markReceived(String handOffId, Engineer engineer);

    /** The core's hand-off service behind the card's buttons. */
    static EngineerActions of(HandOffs handOffs) {
        return new EngineerActions() {
            @Override
            public RevealResult reveal(String handOffId, Engineer engineer) {
                return handOffs.reveal(handOffId, engineer);
            }

            @Override
            public boolean markReceived(String handOffId, Engineer engineer) {
                MarkResult result = handOffs.markReceived(handOffId, engineer);
                return result instanceof MarkResult.Marked || result instanceof MarkResult.AlreadyReceived;
            }
        };
    }
}
