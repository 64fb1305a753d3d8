package dev.bcsetup.slack;

/** A Web API call that Slack refused ({@code ok: false}) or that could not be made; never carries a token. */
final class SlackCallFailed extends RuntimeException {

    private final String method;
    private final String error;

    SlackCallFailed(String method, String error) {
        super(method + " failed: " + error);
        this.method = method;
        this.error = error;
    }

    String method() {
        return method;
    }

    /** Slack's error code ({@code channel_not_found}, {@code ratelimited}, ...) or the local failure's class name. */
    String error() {
        return error;
    }
}
