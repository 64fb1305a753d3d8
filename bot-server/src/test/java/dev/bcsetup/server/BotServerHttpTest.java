package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running server over real HTTP on loopback: health, pictures, errors, and the playground's form posts. */
class BotServerHttpTest {

    @TempDir
    static Path dataDir;

    private static BotServer server;
    private static String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    static void start() {
        server = BotServer.start(TestConfig.local(dataDir), Clock.systemUTC());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    }

    @Test
    void answersHealthAndReadiness() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("ready");
    }

    @Test
    void exposesPrometheusMetricsLabelledByRouteNotPath() throws Exception {
        get("/assets/token-type.png");
        get("/assets/no-such-picture.png");

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/assets/{name}\",status=\"200\"}")
                .contains("route=\"/assets/{name}\",status=\"404\"")
                .doesNotContain("no-such-picture");
    }

    @Test
    void servesAStepPictureAsACacheablePng() throws Exception {
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + "/assets/token-type.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.headers().firstValue("Cache-Control")).get().asString().contains("max-age=");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        String etag = png.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/assets/token-type.png", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aMissingPictureIs404WithAPlainMessage() throws Exception {
        for (String path : List.of("/assets/missing.png", "/assets/en.json", "/assets/..%2Fflow%2Fen.json",
                "/assets/%2e%2e%2fetc%2fpasswd", "/assets/" + "a".repeat(300) + ".png")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertNoStackTrace(response);
        }
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethod405WithoutAStackTrace() throws Exception {
        HttpResponse<String> missing = get("/nothing/here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Nothing here");
        assertNoStackTrace(missing);

        HttpResponse<String> wrongMethod = post("/healthz", "");
        assertThat(wrongMethod.statusCode()).isIn(404, 405);
        assertNoStackTrace(wrongMethod);
    }

    @Test
    void aForgedOrMalformedPlaygroundPostIs400AndChangesNothing() throws Exception {
        get("/");
        for (String form : List.of("", "action=", "action=explode%3A1", "action=next%3A99999",
                "action=" + "x".repeat(5000), "%zz=broken")) {
            HttpResponse<String> response = post("/playground", form);
            assertThat(response.statusCode()).as(form).isEqualTo(400);
            assertNoStackTrace(response);
        }
        assertThat(get("/").body()).contains("Step 1 of 7");
    }

    @Test
    void anOversizedBodyIsRefusedCleanly() throws Exception {
        HttpResponse<String> response = post("/playground", "action=" + "x".repeat(200_000));

        assertThat(response.statusCode()).isIn(400, 413);
        assertNoStackTrace(response);
    }

    @Test
    void thePlaygroundWalksForwardAndBackOverPlainFormPosts() throws Exception {
        HttpResponse<String> first = get("/");
        assertThat(first.body()).contains("Step 1 of 7").contains("What are we migrating?");
        assertThat(first.headers().firstValue("Set-Cookie")).get().asString()
                .contains("HttpOnly").containsIgnoringCase("SameSite=Strict");

        post("/playground", "action=choose_direction%3A0%3ATO_BIGCOMMERCE");
        HttpResponse<String> chosen = get("/");
        assertThat(chosen.body()).contains("name=\"data\" value=\"PRODUCTS\" checked");

        HttpResponse<String> moved = post("/playground", "action=next%3A0&data-shown=1&data=PRODUCTS");
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(get("/").body()).contains("Step 2 of 7").contains("Open the API accounts page");

        post("/playground", "action=back%3A1");
        assertThat(get("/").body()).contains("Step 1 of 7").contains("name=\"data\" value=\"PRODUCTS\" checked")
                .doesNotContain("value=\"ORDERS\" checked");
    }
}
