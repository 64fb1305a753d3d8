package dev.bcsetup.slack;

import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.HandOffs;
import dev.bcsetup.handoff.MarkResult;
import dev.bcsetup.handoff.RevealResult;

/**
 * What the Reveal and Mark received buttons in the engineers' channel ask of the core's {@link HandOffs},
 * which decides (against {@code ENGINEERS}) and audits. An interface so adapter tests can answer for it.
 */
interface EngineerActions {

    /** The hand-off's credentials for an authorised engineer; refused, gone or unknown otherwise. */
    RevealResult reveal(String handOffId, Engineer engineer);

    /** Records that the engineer's migration system has the credentials, so they can be purged. */
    MarkResult markReceived(String handOffId, Engineer engineer);

    /** The core's hand-off service behind the buttons. */
    static EngineerActions of(HandOffs handOffs) {
        return new EngineerActions() {
            @Override
            public RevealResult reveal(String handOffId, Engineer engineer) {
                return handOffs.reveal(handOffId, engineer);
            }

            @Override
            public MarkResult markReceived(String handOffId, Engineer engineer) {
                return handOffs.markReceived(handOffId, engineer);
            }
        };
    }
}
