package dev.bcsetup.handoff;

/**
 * One engineers' channel that hears of every hand-off (Slack, Teams). Deliveries go through the outbox:
 * a notifier that throws is tried again later, so {@link #deliver} must be safe to repeat.
 */
public interface HandOffNotifier {

    /** A stable name for this destination; pending deliveries refer to it across restarts. */
    String destination();

    /** Posts the notice; throws when the channel did not take it, to have it retried. */
    void deliver(HandOffNotice notice);
}
