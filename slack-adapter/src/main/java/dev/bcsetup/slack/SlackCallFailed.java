package dev.bcsetup.slack;

/** A Web API call that Slack refused ({@code ok: false}) or that could not be made; never carries a token. */
final class SlackCallFailed extends RuntimeException {

    private final String method;
    private final String error;
    private final boolean outage;

    SlackCallFailed(String method, String error) {
        this(method, error, false);
    }

    /** {@code outage}: Slack was unreachable, hanging, answering 5xx or rate-limiting, rather than refusing the call. */
    SlackCallFailed(String method, String error, boolean outage) {
        super(method + " failed: " + error);
        this.method = method;
        this.error = error;
        this.outage = outage;
    }

    /** Whether the same call may well work later: Slack itself failed, nothing is wrong with what we asked. */
    boolean outage() {
        return outage;
    }

    String method() {
        return method;
    }

    /** Slack's error code ({@code channel_not_found}, {@code ratelimited}, ...) or the local failure's class name. */
    String error() {
        return error;
    }
}
