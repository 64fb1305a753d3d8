package dev.bcsetup.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** In local mode with no destination configured, each hand-off is one log line: the reference and store, no secret. */
public final class LogHandOffNotifier implements HandOffNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(LogHandOffNotifier.class);

    @Override
    public String destination() {
        return "log";
    }

    @Override
    public void deliver(HandOffNotice notice) {
        LOG.info("Hand-off {} ready: store {} ({}), {} {}, from {} user {}", notice.reference(), notice.storeHash(),
                notice.storeName(), notice.direction(), notice.dataSets(), notice.submitter().platform(),
                notice.submitter().merchant());
    }
}
