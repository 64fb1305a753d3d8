package dev.bcsetup.slack;

import java.util.List;
import java.util.Map;

/** What to answer Slack over HTTP: status, content type, body and any extra headers. */
public record SlackHttpResponse(int status, String contentType, String body, Map<String, List<String>> headers) {

    public SlackHttpResponse {
        body = body == null ? "" : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    static SlackHttpResponse of(int status, String jsonError) {
        return new SlackHttpResponse(status, "application/json; charset=utf-8", "{\"error\":\"" + jsonError + "\"}", Map.of());
    }
}
