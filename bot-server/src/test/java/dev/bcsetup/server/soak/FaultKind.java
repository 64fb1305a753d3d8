package dev.bcsetup.server.soak;

/** The faults a soak injects, in the order it injects them: each dependency failing, hanging or throttling. */
public enum FaultKind {
    DATABASE_CUT("database cut (connections reset, new ones refused)"),
    SLACK_503("Slack Web API answering 503"),
    CONNECTOR_503("Bot Connector answering 503"),
    BIGCOMMERCE_503("BigCommerce answering 503"),
    SLACK_HANG("Slack Web API hanging"),
    CONNECTOR_HANG("Bot Connector hanging"),
    BIGCOMMERCE_HANG("BigCommerce hanging"),
    SLACK_429("Slack Web API answering 429 (Retry-After: 1) to a call of each method at a time"),
    CONNECTOR_429("Bot Connector answering 429 to every third call");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
