package dev.bcsetup.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser for the server's pages in a test: keeps its cookies and follows redirects, as a real one does. */
final class Browser {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form ({@code name=value&...}, already encoded) and follows the redirect to the page it leads to. */
    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Presses a playground button ({@code next:1}, ...), ticking {@code dataSets} when given. */
    HttpResponse<String> press(String action, String... dataSets) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("action=").append(action.replace(":", "%3A"));
        if (dataSets.length > 0) {
            form.append("&data-shown=1");
            for (String dataSet : dataSets) {
                form.append("&data=").append(dataSet);
            }
        }
        return post("/playground", form.toString());
    }
}
