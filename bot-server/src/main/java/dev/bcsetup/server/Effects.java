package dev.bcsetup.server;

import dev.bcsetup.conversation.Effect;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what the conversation asks for after a session is saved. Until the Slack and Teams
 * engineer channels exist, an escalation is written to the log, where an operator can see it.
 */
final class Effects {

    private static final Logger LOG = LoggerFactory.getLogger(Effects.class);

    void run(List<Effect> effects) {
        for (Effect effect : effects) {
            if (effect instanceof Effect.Escalate escalate) {
                LOG.warn("Merchant asked for help: platform={} workspace={} user={} step {} \"{}\"",
                        escalate.key().platform(), escalate.key().workspace(), escalate.key().merchant(),
                        escalate.stepNumber(), escalate.stepTitle());
            }
        }
    }
}
