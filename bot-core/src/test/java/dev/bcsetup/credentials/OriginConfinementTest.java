package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.ScopePlan;
import dev.bcsetup.fuzz.RecordingProxySelector;
import dev.bcsetup.fuzz.TrickyPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever is pasted as the API path, requests go to the configured API origin and nowhere else. */
class OriginConfinementTest {

    private static final String HASH = BigCommerceValidatorTest.HASH;

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
        List<String> accepted = new ArrayList<>();

        for (String path : TrickyPaths.ALL) {
            IntakeResult result = intake.check(CredentialForm.ofFields(path,
                    BigCommerceValidatorTest.CLIENT_ID, BigCommerceValidatorTest.TOKEN));
            if (result instanceof IntakeResult.Rejected rejected) {
                assertThat(rejected.problems()).as(path).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(Field.API_PATH);
                    assertThat(messages.render(problem.problem())).isNotBlank();
                });
            } else {
                accepted.add(path);
                Credentials credentials = ((IntakeResult.Accepted) result).credentials();
                assertThat(credentials.storeHash().value()).as(path).isEqualTo(HASH);
                assertThat(validator.validate(credentials, plan).outcome()).as(path).isEqualTo(Outcome.VALID);
            }
        }

        assertThat(accepted).containsExactlyElementsOf(TrickyPaths.FINE);
        URI origin = fake.origin();
        assertThat(proxies.seen()).isNotEmpty().allSatisfy(uri -> {
            assertThat(uri.getScheme()).isEqualTo(origin.getScheme());
            assertThat(uri.getHost()).isEqualTo(origin.getHost());
            assertThat(uri.getPort()).isEqualTo(origin.getPort());
            assertThat(uri.getRawUserInfo()).isNull();
        });
        assertThat(fake.requests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.path()).startsWith("/stores/" + HASH + "/v"));
    }
}
