package dev.bcsetup.credentials.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeBigCommerceTest {

    private static final String TOKEN = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p";

    private final FakeBigCommerce fake = FakeBigCommerce.start()
            .store("abc123", "Plant Shop", "plants.example", "Plus", "live")
            .token(TOKEN, "abc123", Map.of(Scope.PRODUCTS, Access.READ_ONLY));
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void ignoresXAuthClientLikeTheRealApi() throws Exception {
        HttpResponse<String> response = get("/v3/catalog/products?limit=1", TOKEN, "not-the-client-id");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Rate-Limit-Requests-Left")).hasValue("149");
    }

    @Test
    void answersAnUnknownTokenWithPlainText401() throws Exception {
        HttpResponse<String> response = get("/v2/time", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void answersAMissingScopeWithTheScopeJson() throws Exception {
        HttpResponse<String> response = get("/v2/orders?limit=1", TOKEN, null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"title\":\"You don't have a required scope to access the endpoint\"");
    }

    @Test
    void recordsEveryRequest() throws Exception {
        get("/v2/time", TOKEN, null);
        assertThat(fake.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/stores/abc123/v2/time");
            assertThat(r.header("x-auth-token")).isEqualTo(TOKEN);
        });
    }

    private HttpResponse<String> get(String path, String token, String clientId) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(fake.origin().resolve("/stores/abc123" + path))
                .header("X-Auth-Token", token).header("Accept", "application/json");
        if (clientId != null) {
            builder.header("X-Auth-Client", clientId);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
