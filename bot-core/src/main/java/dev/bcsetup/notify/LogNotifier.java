package dev.bcsetup.notify;

import dev.bcsetup.conversation.Effect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes engineer notifications to the log: the channel of last resort, and the only one in local mode. */
public final class LogNotifier implements EngineerNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

    @Override
    public void merchantStuck(Effect.Escalate request) {
        LOG.warn("Merchant asked for help: platform={} workspace={} merchant={}{} at step {} \"{}\"",
                request.key().platform(), request.key().workspace(), request.key().merchant(),
                request.key().agent().map(a -> " (agent " + a + ")").orElse(""),
                request.stepNumber(), request.stepTitle());
    }
}
