package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.ScopePlan;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever is pasted as the API path, requests go to the configured API origin and nowhere else. */
class OriginConfinementTest {

    private static final String HASH = BigCommerceValidatorTest.HASH;

    static final List<String> TRICKY_PATHS = List.of(
            "https://evil.example/stores/abc123/v3/",
            "https://api.bigcommerce.com.evil.example/stores/abc123/v3/",
            "https://api.bigcommerce.com@evil.example/stores/abc123/v3/",
            "https://evil.example@api.bigcommerce.com/stores/abc123/v3/",
            "https://user:pass@api.bigcommerce.com/stores/abc123/v3/",
            "https://api.bigcommerce.com\\@evil.example/stores/abc123/v3/",
            "https://api.bigcommerce.com\\.evil.example/stores/abc123/v3/",
            "https:\\\\api.bigcommerce.com\\stores\\abc123\\v3\\",
            "https:/api.bigcommerce.com/stores/abc123/v3/",
            "//evil.example/stores/abc123/v3/",
            "https://127.0.0.1/stores/abc123/v3/",
            "https://[::1]/stores/abc123/v3/",
            "https://2130706433/stores/abc123/v3/",
            "https://169.254.169.254/latest/meta-data/",
            "https://api.bigcommerce.com:8443/stores/abc123/v3/",
            "https://api.bigcommerce.com./stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/abc123/v3/../../../evil",
            "https://api.bigcommerce.com/stores/../abc123/v3/",
            "https://api.bigcommerce.com/stores/abc123/../../v3/",
            "https://api.bigcommerce.com/stores/abc123%2f..%2f/v3/",
            "https://api%2ebigcommerce%2ecom/stores/abc123/v3/",
            "https://\u0430pi.bigcommerce.com/stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/abc\u0131\u0032\u0033/v3/",
            "https://api.bigcommerce.com\uFF0Fstores\uFF0Fabc123\uFF0Fv3\uFF0F",
            "https://api.bigcommerce.com/stores/abc123/v3/\r\nHost: evil.example",
            "https://api.bigcommerce.com/stores/abc123/v3/\nX-Auth-Token: stolen",
            "https://api.bigcommerce.com/stores/abc123/v3/?next=https://evil.example",
            "https://api.bigcommerce.com/stores/abc123/v3/#@evil.example",
            "https://api.bigcommerce.com/stores/abc123/v3/ https://evil.example",
            "<https://evil.example|https://api.bigcommerce.com/stores/abc123/v3/>",
            "{https://evil.example}/stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/{abc123@evil.example}/v3/",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://api.bigcommerce.com/stores/abc123/v3/",
            "https://api.bigcommerce.com/stores/abc123/v3/" + "a".repeat(100_000),
            // These are fine and must only reach the configured origin.
            "<https://api.bigcommerce.com/stores/abc123/v3/|https://evil.example>",
            "HTTPS://API.BIGCOMMERCE.COM/stores/abc123/v3/",
            "api.bigcommerce.com/stores/abc123/v2",
            " \"https://api.bigcommerce.com/stores/{abc123}/v3/\" ");

    private final FakeBigCommerce fake = FakeBigCommerce.start()
            .store(HASH, "Plant Shop", "plants.example", "Plus", "live")
            .token(BigCommerceValidatorTest.TOKEN, HASH, FakeBigCommerce.everyScope(dev.bcsetup.flow.Access.MODIFY));
    private final RecordingProxySelector proxies = new RecordingProxySelector();
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .proxy(proxies)
            .build();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void noRequestGoesAnywhereButTheConfiguredOriginWhateverIsPasted() {
        CredentialIntake intake = new CredentialIntake();
        CredentialMessages messages = CredentialMessages.forLocale(Locale.ENGLISH);
        BigCommerceValidator validator = new BigCommerceValidator(fake.origin(), client, Clock.systemUTC(), Duration.ofSeconds(5));
        ScopePlan plan = ScopePlan.forMigration(Direction.TO_BIGCOMMERCE, EnumSet.allOf(DataSet.class));
        int accepted = 0;

        for (String path : TRICKY_PATHS) {
            IntakeResult result = intake.check(CredentialForm.ofFields(path,
                    BigCommerceValidatorTest.CLIENT_ID, BigCommerceValidatorTest.TOKEN));
            if (result instanceof IntakeResult.Rejected rejected) {
                assertThat(rejected.problems()).as(path).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(Field.API_PATH);
                    assertThat(messages.render(problem.problem())).isNotBlank();
                });
            } else {
                accepted++;
                Credentials credentials = ((IntakeResult.Accepted) result).credentials();
                assertThat(credentials.storeHash().value()).as(path).isEqualTo(HASH);
                assertThat(validator.validate(credentials, plan).outcome()).as(path).isEqualTo(Outcome.VALID);
            }
        }

        assertThat(accepted).isEqualTo(4);
        URI origin = fake.origin();
        assertThat(proxies.seen).isNotEmpty().allSatisfy(uri -> {
            assertThat(uri.getScheme()).isEqualTo(origin.getScheme());
            assertThat(uri.getHost()).isEqualTo(origin.getHost());
            assertThat(uri.getPort()).isEqualTo(origin.getPort());
            assertThat(uri.getRawUserInfo()).isNull();
        });
        assertThat(fake.requests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.path()).startsWith("/stores/" + HASH + "/v"));
    }

    /** Sees the URI of every request the HTTP client makes, and sends it direct. */
    private static final class RecordingProxySelector extends ProxySelector {
        final List<URI> seen = new CopyOnWriteArrayList<>();

        @Override
        public List<Proxy> select(URI uri) {
            seen.add(uri);
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
        }
    }
}
