package dev.bcsetup.teams;

import dev.bcsetup.handoff.Engineer;
import dev.bcsetup.handoff.RevealResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an engineer can do with a hand-off from its Teams card. The core's hand-off service decides (against
 * {@code ENGINEERS}) and audits; this adapter only asks. A seam of the adapter's own until that service is on main.
 */
public interface EngineerActions {

    /** The hand-off's credentials for an authorised engineer, or why not. */
    RevealResult reveal(String handOffId, Engineer engineer);

    /** Records that the engineer has the credentials; false when they may not, or there is no such hand-off. */
    boolean markReceived(String handOffId, Engineer engineer);

    /** For a server without a hand-off service: nothing to reveal, nothing to mark. */
    EngineerActions NONE = new EngineerActions() {
        private final Logger log = LoggerFactory.getLogger(EngineerActions.class);

        @Override
        public RevealResult reveal(String handOffId, Engineer engineer) {
            log.warn("A Teams user asked to reveal a hand-off, but this server has no hand-off service");
            return new RevealResult.Unknown();
        }

        @Override
        public boolean markReceived(String handOffId, Engineer engineer) {
            log.warn("A Teams user marked a hand-off received, but this server has no hand-off service");
            return false;
        }
    };
}
