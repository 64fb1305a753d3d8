package dev.bcsetup.server;

import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.slack.SlackApp;
import dev.bcsetup.slack.SlackHttpResponse;
import dev.bcsetup.slack.SlackSettings;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Slack in the server: the adapter built from the configuration, and {@code POST /slack/events} handed to it. */
final class SlackEndpoint {

    private SlackEndpoint() {
    }

    /** The Slack app when {@code SLACK_BOT_TOKEN} and {@code SLACK_SIGNING_SECRET} are set. */
    static Optional<SlackApp> from(Config config, FlowLibrary flows) {
        return config.slack().map(slack -> SlackApp.create(new SlackSettings(
                slack.botToken().value(),
                slack.signingSecret().value(),
                slack.appToken().map(Config.Secret::value),
                slack.apiUrl(),
                config.handoffSlackChannel(),
                config.publicBaseUrl(),
                config.engineers()), flows));
    }

    /**
     * Hands the request to Bolt with the body and every header value exactly as received (a header sent twice stays
     * twice, so the signature check can refuse it), and copies its answer back.
     */
    static void serve(SlackApp slack, Context ctx) {
        Set<String> names = new LinkedHashSet<>();
        Collections.list(ctx.req().getHeaderNames()).forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        Map<String, List<String>> headers = new HashMap<>();
        names.forEach(name -> headers.put(name, Collections.list(ctx.req().getHeaders(name))));
        SlackHttpResponse response = slack.handle(ctx.path(), ctx.queryParamMap(), headers, ctx.body(), ctx.ip());
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> ctx.header(name, value));
            }
        });
        ctx.status(response.status());
        if (response.contentType() != null) {
            ctx.contentType(response.contentType());
        }
        ctx.result(response.body());
    }
}
